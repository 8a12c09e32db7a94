import { getDb } from "@/lib/db/client";
import { isDatabaseReachable } from "@/lib/db/check-database";
import { liveCountStats } from "@/lib/wiring/live-counts";

// A load balancer's readiness probe: an instance that cannot reach its database takes no traffic.
export async function GET() {
  const ok = await isDatabaseReachable(getDb());
  return Response.json(
    // Live-count figures show a load test (or an operator) how many open pages this instance feeds.
    { status: ok ? "ok" : "unavailable", database: ok ? "reachable" : "unreachable", liveCounts: liveCountStats() },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ok ? {} : { "Retry-After": "5" }) } },
  );
}
