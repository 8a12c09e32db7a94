import { answerResponse } from "@/lib/api/answer";
import { presentSignature } from "@/lib/api/present";
import { apiGet, apiJson, CACHE_CONTROL, parseLimit, parseSlug, preflight } from "@/lib/api/respond";
import type { TSignatureList } from "@/lib/api/schemas";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPublishedLetterId } from "@/lib/letters/get-published-letter-id";
import { decodeCursor } from "@/lib/pagination/cursor";
import { readJsonBody } from "@/lib/server/read-json-body";
import { answerSignaturePost } from "@/lib/server/hot-posts";
import { pagePublicSignatures } from "@/lib/signatures/page-public-signatures";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/letters/{slug}/signatures — public (confirmed) signatures, newest first, `?cursor=&limit=`. */
export function GET(request: Request, { params }: Context) {
  return apiGet("GET /api/v1/letters/{slug}/signatures", async () => {
    const letterId = await getPublishedLetterId(getDb(), parseSlug((await params).slug));
    if (!letterId) throw new AppError("LETTER_NOT_FOUND");
    const query = new URL(request.url).searchParams;
    const page = await pagePublicSignatures(getDb(), letterId, {
      limit: parseLimit(query, 20, 100),
      cursor: decodeCursor(query.get("cursor")),
      minPublicGroup: getEnv().MIN_PUBLIC_GROUP,
    });
    const body: TSignatureList = { signatures: page.items.map(presentSignature), nextCursor: page.nextCursor };
    return apiJson(body, CACHE_CONTROL.standard);
  });
}

export const OPTIONS = preflight;

/**
 * POST /api/v1/letters/{slug}/signatures — sign a letter. Answers 202 `{ "status": "pending" }`
 * whether or not the address had signed already; the signature counts once confirmed by email.
 * The one state-changing endpoint open to other origins, by design: a letter may be signed from
 * a campaign's own site. It is rate limited like the form. The production server usually
 * answers it before Next, with the same function (lib/server/hot-posts.ts).
 */
export async function POST(request: Request, { params }: Context) {
  const { slug } = await params;
  return answerResponse(await answerSignaturePost(slug, () => readJsonBody(request), request.headers));
}
