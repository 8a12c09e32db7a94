import { apiGet, apiJson, CACHE_CONTROL, parseSlug, preflight } from "@/lib/api/respond";
import { presentLetterDetail } from "@/lib/api/present";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/letters/{slug} — the letter with demands, timeline, domain policy and counts. */
export function GET(_request: Request, { params }: Context) {
  return apiGet("GET /api/v1/letters/{slug}", async () => {
    const env = getEnv();
    const letter = await getPublishedLetter(getDb(), parseSlug((await params).slug), { minPublicGroup: env.MIN_PUBLIC_GROUP });
    if (!letter) throw new AppError("LETTER_NOT_FOUND");
    return apiJson(presentLetterDetail(letter, env.APP_URL), CACHE_CONTROL.standard);
  });
}

export const OPTIONS = preflight;
