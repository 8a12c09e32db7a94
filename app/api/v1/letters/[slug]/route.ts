import { jsonAnswer } from "@/lib/adapters/api-answer";
import { letterRoute, preflight } from "@/lib/adapters/api-route";
import { presentLetterDetail } from "@/lib/api/present";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";

/** GET /api/v1/letters/{slug} — the letter with demands, timeline, domain policy and counts. */
export const GET = letterRoute("GET /api/v1/letters/{slug}", async (_request, slug) => {
  const env = getEnv();
  const letter = await getPublishedLetter(getDb(), slug, { minPublicGroup: env.MIN_PUBLIC_GROUP });
  if (!letter) throw new AppError("LETTER_NOT_FOUND");
  return jsonAnswer(presentLetterDetail(letter, env.APP_URL), "standard");
});

export const OPTIONS = preflight;
