import { CACHE_CONTROL } from "@/lib/adapters/api-answer";
import { letterRoute } from "@/lib/adapters/api-route";
import { AppError } from "@/lib/errors/app-error";
import { BADGE_CONTENT_SECURITY_POLICY } from "@/lib/pipeline/security-headers";
import { liveCounts } from "@/lib/wiring/live-counts";
import { renderCountBadge } from "@/app/_components/count-badge";

/** GET /letters/{slug}/badge.svg — the embeddable count badge, from this process's count snapshot. */
export const GET = letterRoute("GET /letters/{slug}/badge.svg", async (_request, slug) => {
  const snapshot = await liveCounts().hub.get(slug);
  if (!snapshot) throw new AppError("LETTER_NOT_FOUND");
  return new Response(renderCountBadge(snapshot.total), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": CACHE_CONTROL.standard,
      // Embedded on other sites: nothing in it may run; any site may frame it.
      "Content-Security-Policy": BADGE_CONTENT_SECURITY_POLICY,
      "Access-Control-Allow-Origin": "*",
      // A count embedded in other pages is not a page of its own to index, and an unlisted
      // letter's badge must not be either (the count snapshot does not know the listing).
      "X-Robots-Tag": "noindex",
    },
  });
});
