import "server-only";
import type { THotPostHandlers } from "@/lib/pipeline/hot-post-fast-path";
import { ZConfirmationRequest, type TConfirmationResult } from "@/lib/api/schemas";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { receiptPath } from "@/lib/signatures/receipt/issue-receipt";
import { submitSignature } from "@/lib/wiring/submit-signature";
import { errorAnswer, publicErrorAnswer, UNCACHED_API_HEADERS, type TApiAnswer } from "./api-answer";
import { parseJsonObject } from "./json-body";

/**
 * The two hot POSTs of the JSON API, each decided by ONE function whatever answers it: the
 * route handler (app/api/v1/…/route.ts) and the production server's fast path, which calls
 * these through `registerHotPosts` without Next's request pipeline (lib/pipeline/hot-post-fast-path.ts).
 * Validation, limits, the domain call and the error mapping live here or below, once.
 */

/**
 * POST /api/v1/letters/{slug}/signatures: 202 `{ "status": "pending" }` whether or not the
 * address had signed already. Open to other origins (a campaign's own site may post to it),
 * and its refusals too, never cached.
 */
export async function answerSignaturePost(slug: string, readBody: () => Promise<unknown>, headers: Headers): Promise<TApiAnswer> {
  try {
    const result = await submitSignature(slug, await readBody(), headers);
    return { status: 202, headers: UNCACHED_API_HEADERS, body: result };
  } catch (error) {
    return publicErrorAnswer(error, "POST /api/v1/letters/{slug}/signatures");
  }
}

/** POST /api/v1/confirmations `{ "token": "…" }`: confirms the signature the token was issued for. */
export async function answerConfirmationPost(readBody: () => Promise<unknown>): Promise<TApiAnswer> {
  try {
    const parsed = ZConfirmationRequest.safeParse(await readBody());
    if (!parsed.success) throw new AppError("TOKEN_INVALID");
    const { outcome, letter, receipt } = await confirmSignature(getDb(), parsed.data.token, new Date());
    const body: TConfirmationResult = {
      status: outcome,
      letter: { slug: letter.slug, title: letter.title },
      ...(receipt ? { receiptUrl: `${getEnv().APP_URL}${receiptPath(receipt)}` } : {}),
    };
    return { status: 200, headers: { "Cache-Control": "no-store" }, body };
  } catch (error) {
    return errorAnswer(error, "POST /api/v1/confirmations");
  }
}

/**
 * Hands the production server these functions, bound into Next's bundle (its database client,
 * limits and caches are the ones the route handlers use). Called once, at start-up
 * (instrumentation.ts); until then the route handlers answer.
 */
export function registerHotPosts(): void {
  const hotPosts: THotPostHandlers = {
    signature: (slug, rawBody, headers) => answerSignaturePost(slug, async () => parseJsonObject(rawBody), headers),
    confirmation: (rawBody) => answerConfirmationPost(async () => parseJsonObject(rawBody)),
  };
  (globalThis as { undersignedHotPosts?: THotPostHandlers }).undersignedHotPosts = hotPosts;
}
