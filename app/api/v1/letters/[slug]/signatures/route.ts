import { answerResponse, jsonAnswer } from "@/lib/adapters/api-answer";
import { letterRoute, parseLimit, preflight } from "@/lib/adapters/api-route";
import { answerSignaturePost } from "@/lib/adapters/hot-posts";
import { readJsonBody } from "@/lib/adapters/json-body";
import { presentSignature } from "@/lib/api/present";
import type { TSignatureList } from "@/lib/api/schemas";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPublishedLetterId } from "@/lib/letters/get-published-letter-id";
import { decodeCursor } from "@/lib/pagination/cursor";
import { pagePublicSignatures } from "@/lib/signatures/page-public-signatures";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/letters/{slug}/signatures — public (confirmed) signatures, newest first, `?cursor=&limit=`. */
export const GET = letterRoute("GET /api/v1/letters/{slug}/signatures", async (request, slug) => {
  const letterId = await getPublishedLetterId(getDb(), slug);
  if (!letterId) throw new AppError("LETTER_NOT_FOUND");
  const query = new URL(request.url).searchParams;
  const page = await pagePublicSignatures(getDb(), letterId, {
    limit: parseLimit(query, 20, 100),
    cursor: decodeCursor(query.get("cursor")),
    minPublicGroup: getEnv().MIN_PUBLIC_GROUP,
  });
  const body: TSignatureList = { signatures: page.items.map(presentSignature), nextCursor: page.nextCursor };
  return jsonAnswer(body, "standard");
});

export const OPTIONS = preflight;

/**
 * POST /api/v1/letters/{slug}/signatures — sign a letter. Answers 202 `{ "status": "pending" }`
 * whether or not the address had signed already; the signature counts once confirmed by email.
 * The one state-changing endpoint open to other origins, by design: a letter may be signed from
 * a campaign's own site. It is rate limited like the form. Its answer, errors and headers are
 * decided by answerSignaturePost, which the production server also calls before Next
 * (lib/pipeline/hot-post-fast-path.ts), so that both answer alike.
 */
export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  return answerResponse(await answerSignaturePost(slug, () => readJsonBody(request), request.headers));
}
