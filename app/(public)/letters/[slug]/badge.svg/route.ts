import { apiError, CACHE_CONTROL, parseSlug } from "@/lib/api/respond";
import { AppError } from "@/lib/errors/app-error";
import { BADGE_CONTENT_SECURITY_POLICY } from "@/lib/pipeline/security-headers";
import { liveCounts } from "@/lib/server/live-counts";
import { renderCountBadge } from "@/app/_components/count-badge";

type Context = { params: Promise<{ slug: string }> };

/** GET /letters/{slug}/badge.svg — the embeddable count badge, from this process's count snapshot. */
export async function GET(_request: Request, { params }: Context) {
  try {
    const snapshot = await liveCounts().hub.get(parseSlug((await params).slug));
    if (!snapshot) throw new AppError("LETTER_NOT_FOUND");
    return new Response(renderCountBadge(snapshot.total), {
      headers: {
        "Content-Type": "image/svg+xml; charset=utf-8",
        "Cache-Control": CACHE_CONTROL.standard,
        // Embedded on other sites: nothing in it may run; any site may frame it.
        "Content-Security-Policy": BADGE_CONTENT_SECURITY_POLICY,
        "Access-Control-Allow-Origin": "*",
      },
    });
  } catch (error) {
    return apiError(error, "GET /letters/{slug}/badge.svg");
  }
}
