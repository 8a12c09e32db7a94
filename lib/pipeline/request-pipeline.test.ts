import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { createRequestPipeline } from "./request-pipeline";
import { placeholderNonce } from "./script-nonces";
import { createSecurityHeaders } from "./security-headers";

// The order of the steps, as the production server runs them: each test shows one step running
// before or after another. Each step's own rules are tested in its own module's file.

const PLACEHOLDER = placeholderNonce("a test secret");
const APP_URL = "http://app.example";
let reachedNext: IncomingMessage[] = [];
let hotPostCalls = 0;
const snapshot = { total: 7, byDomain: {}, otherDomains: 0, updatedAt: "2026-12-01T00:00:00.000Z" };

const pipeline = createRequestPipeline({
  appUrl: APP_URL,
  trustedProxyHops: 0,
  securityHeaders: createSecurityHeaders({ https: false }),
  noncePlaceholder: PLACEHOLDER,
  peekCounts: () => (slug) => (slug === "held" ? snapshot : undefined),
  hotPosts: () => ({
    signature: async () => {
      hotPostCalls++;
      return { status: 202, headers: {}, body: { status: "pending" } };
    },
    confirmation: async () => {
      hotPostCalls++;
      return { status: 200, headers: {}, body: { status: "confirmed" } };
    },
  }),
  compress: () => {},
  next: async (request, response) => {
    reachedNext.push(request);
    response.setHeader("Content-Type", "text/html");
    response.end(`<script nonce="${PLACEHOLDER}"></script>`);
  },
});

const server = http.createServer(pipeline);
let base = "";
beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())));
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  reachedNext = [];
  hotPostCalls = 0;
});

describe("the request pipeline in front of Next", () => {
  it("puts the security headers on a refusal too: they come first", async () => {
    const response = await fetch(`${base}/letters/x/actions`, { method: "POST", headers: { Origin: "https://evil.example" }, body: "a=1" });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reachedNext).toHaveLength(0);
  });

  it("refuses a broken %-escape before Next, with the headers", async () => {
    const response = await fetch(`${base}/api/v1/letters/%ZZ`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("MALFORMED_URL");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reachedNext).toHaveLength(0);
  });

  it("answers a held count from memory, without Next", async () => {
    const response = await fetch(`${base}/api/v1/letters/held/count`, { headers: { Origin: "https://other.example" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(snapshot);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(reachedNext).toHaveLength(0);
  });

  it("refuses an oversized signature POST before its hot path runs", async () => {
    const response = await fetch(`${base}/api/v1/letters/held/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(64 * 1024) },
      body: "x".repeat(64 * 1024),
    });
    expect(response.status).toBe(413);
    expect(hotPostCalls).toBe(0);
  });

  it("answers a signature POST on the hot path, without Next", async () => {
    const response = await fetch(`${base}/api/v1/letters/held/signatures`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(response.status).toBe(202);
    expect(hotPostCalls).toBe(1);
    expect(reachedNext).toHaveLength(0);
  });

  it("gives Next the resolved client address over the client's own, and the placeholder nonce; the page gets a fresh one", async () => {
    const response = await fetch(`${base}/letters/held`, { headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.9" } });
    const html = await response.text();
    expect(reachedNext).toHaveLength(1);
    expect(reachedNext[0]!.headers[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(reachedNext[0]!.headers["content-security-policy"]).toBe(`script-src 'nonce-${PLACEHOLDER}'`);
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
    expect(nonce).not.toBe(PLACEHOLDER);
    expect(response.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
  });
});
