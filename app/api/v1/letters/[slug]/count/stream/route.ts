import { CORS_HEADERS } from "@/lib/adapters/api-answer";
import { letterRoute } from "@/lib/adapters/api-route";
import { AppError } from "@/lib/errors/app-error";
import { liveCounts } from "@/lib/wiring/live-counts";

/**
 * GET /api/v1/letters/{slug}/count/stream — the counts as server-sent events: the current ones
 * at once, then each change. Every stream of a process is fed by the same one-query-a-second
 * poll (see lib/wiring/live-counts.ts).
 */
export const GET = letterRoute("GET /api/v1/letters/{slug}/count/stream", async (request, slug) => {
  const { hub, streams } = liveCounts();
  const first = await hub.get(slug);
  if (!first) throw new AppError("LETTER_NOT_FOUND");
  return new Response(streams.open(slug, first, request.signal), {
    headers: {
      ...CORS_HEADERS,
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression (Next's included) would buffer the events.
      "Cache-Control": "no-cache, no-transform",
      // nginx and similar proxies buffer responses unless told not to.
      "X-Accel-Buffering": "no",
    },
  });
});
