// A load balancer's liveness probe: the process answers at all. It touches nothing else, which
// also makes it the app's own floor in the benchmark (the cheapest route Next can serve).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
