import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveCountFromMemory, type TCountPeek } from "./count-fast-path";
import { CACHE_CONTROL } from "@/lib/adapters/api-answer";
import { createSecurityHeaders } from "./security-headers";

const snapshot = { total: 42, byDomain: { "example.com": 40 }, otherDomains: 2, updatedAt: "2026-11-29T10:00:00.000Z" };
const security = createSecurityHeaders({ https: false }).forPath("/api/v1/letters/known-letter/count", true);
const peek: TCountPeek = (slug) => (slug === "known-letter" ? snapshot : undefined);

let base = "";
const server = http.createServer((request, response) => {
  if (serveCountFromMemory(request, response, peek, security)) return;
  response.writeHead(299).end("fell through");
});
beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())));
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the count fast path", () => {
  it("answers a held letter's count with the route's body and headers", async () => {
    const response = await fetch(`${base}/api/v1/letters/known-letter/count`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(snapshot);
    expect(response.headers.get("cache-control")).toBe(CACHE_CONTROL.count);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("content-type")).toBe("application/json");
    // The path's security headers, written with the count's own (HSTS: this list is the one for https).
    for (const [name, value] of security) expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
    expect(response.headers.get("content-length")).toBe(String(JSON.stringify(snapshot).length));
    // What only a preflight is read for is not sent on every poll (api-answer.ts, PREFLIGHT_HEADERS).
    expect(response.headers.get("access-control-max-age")).toBeNull();
  });

  it("leaves everything else to Next: other letters, other paths, other methods, odd slugs", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/letters/unknown-letter/count"],
      ["GET", "/api/v1/letters/known-letter/count/stream"],
      ["GET", "/api/v1/letters/known-letter"],
      ["POST", "/api/v1/letters/known-letter/count"],
      ["GET", "/api/v1/letters/Known-Letter/count"],
      ["GET", "/api/v1/letters/known-letter%2F..%2Fx/count"],
    ] as const) {
      expect((await fetch(`${base}${path}`, { method })).status, `${method} ${path}`).toBe(299);
    }
  });
});
