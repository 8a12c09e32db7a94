import { apiGet, apiJson, CACHE_CONTROL, parseSlug, preflight } from "@/lib/api/respond";
import type { TLetterCountBody } from "@/lib/api/schemas";
import { AppError } from "@/lib/errors/app-error";
import { liveCounts } from "@/lib/server/live-counts";

type Context = { params: Promise<{ slug: string }> };

/**
 * GET /api/v1/letters/{slug}/count — the hot path: answered from this process's snapshot of the
 * counts (refreshed every second), so a request costs no query once the letter is known.
 */
export function GET(_request: Request, { params }: Context) {
  return apiGet("GET /api/v1/letters/{slug}/count", async () => {
    const snapshot: TLetterCountBody | null = await liveCounts().hub.get(parseSlug((await params).slug));
    if (!snapshot) throw new AppError("LETTER_NOT_FOUND");
    return apiJson(snapshot, CACHE_CONTROL.count);
  });
}

export const OPTIONS = preflight;
