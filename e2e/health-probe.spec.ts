import { expect, test } from "./support/fixtures";

// A load balancer asks each instance whether it can serve; the answer must never come from a cache.

test("the health probe reports a reachable database and is never cached", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok", database: "reachable", liveCounts: { letters: expect.any(Number), streams: expect.any(Number) } });
});
