import { jsonAnswer } from "@/lib/adapters/api-answer";
import { letterRoute, preflight } from "@/lib/adapters/api-route";
import type { TLetterCountBody } from "@/lib/api/schemas";
import { AppError } from "@/lib/errors/app-error";
import { liveCounts } from "@/lib/wiring/live-counts";

/**
 * GET /api/v1/letters/{slug}/count — the hot path: answered from this process's snapshot of the
 * counts (refreshed every second), so a request costs no query once the letter is known. The
 * production server usually answers it before Next (lib/pipeline/count-fast-path.ts).
 */
export const GET = letterRoute("GET /api/v1/letters/{slug}/count", async (_request, slug) => {
  const snapshot: TLetterCountBody | null = await liveCounts().hub.get(slug);
  if (!snapshot) throw new AppError("LETTER_NOT_FOUND");
  return jsonAnswer(snapshot, "count");
});

export const OPTIONS = preflight;
