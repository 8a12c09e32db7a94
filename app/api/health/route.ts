import { getDb } from "@/lib/db/client";
import { isDatabaseReachable } from "@/lib/db/check-database";

// A load balancer's readiness probe: an instance that cannot reach its database takes no traffic.
export async function GET() {
  const ok = await isDatabaseReachable(getDb());
  return Response.json(
    { status: ok ? "ok" : "unavailable", database: ok ? "reachable" : "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ok ? {} : { "Retry-After": "5" }) } },
  );
}
