import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPageCache, type TPageCache } from "./page-cache";
import { createRequestPipeline } from "./request-pipeline";
import { placeholderNonce } from "./script-nonces";
import { createSecurityHeaders } from "./security-headers";

// The page cache inside the real pipeline, on a real socket: what Next answers is decided per
// test by `answer`, and `reachedNext` counts the requests Next saw.

const PLACEHOLDER = placeholderNonce("a test secret");
const PAGE = `<html><script nonce="${PLACEHOLDER}">1</script>a letter</html>`;
const CACHED_BY_NEXT = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "public, max-age=0, s-maxage=10",
  "x-nextjs-cache": "HIT",
  Vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
};

let clock = 0;
let cache: TPageCache;
let reachedNext = 0;
let answer: (request: IncomingMessage, response: ServerResponse) => void;
/** Next answering a page from its cache: the headers, then the body in two writes. */
const fromNextsCache =
  (headers: Record<string, string> = {}, status = 200) =>
  (_request: IncomingMessage, response: ServerResponse) => {
    response.statusCode = status;
    for (const [name, value] of Object.entries({ ...CACHED_BY_NEXT, ...headers })) response.setHeader(name, value);
    response.write(PAGE.slice(0, 20));
    response.end(PAGE.slice(20));
  };

const server = http.createServer(
  createRequestPipeline({
    appUrl: "http://app.example",
    trustedProxyHops: 0,
    securityHeaders: createSecurityHeaders({ https: false }),
    noncePlaceholder: PLACEHOLDER,
    peekCounts: () => undefined,
    hotPosts: () => undefined,
    get pageCache() {
      return cache;
    },
    compress: () => {},
    next: async (request, response) => {
      reachedNext++;
      answer(request, response);
    },
  }),
);
let base = "";
beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())));
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  clock = 1_000_000;
  cache = createPageCache({ ttlMs: 1_000, now: () => clock });
  reachedNext = 0;
  answer = fromNextsCache();
});

const nonceIn = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];

describe("public pages held for a second in front of Next", () => {
  it("replays a page Next served from its cache without Next, with Next's headers and a fresh nonce each time", async () => {
    const first = await fetch(`${base}/letters/a`);
    const firstHtml = await first.text();
    const second = await fetch(`${base}/letters/a`);
    const secondHtml = await second.text();
    expect(reachedNext).toBe(1);
    expect(second.status).toBe(200);
    expect(secondHtml.replace(nonceIn(secondHtml)!, "N")).toBe(firstHtml.replace(nonceIn(firstHtml)!, "N"));
    expect(secondHtml).not.toContain(PLACEHOLDER);
    expect(nonceIn(secondHtml)).not.toBe(nonceIn(firstHtml));
    expect(second.headers.get("content-security-policy")).toContain(`'nonce-${nonceIn(secondHtml)}'`);
    expect(second.headers.get("cache-control")).toBe(CACHED_BY_NEXT["Cache-Control"]);
    expect(second.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Number(second.headers.get("content-length"))).toBe(Buffer.byteLength(secondHtml));
  });

  it("holds a page for its second only", async () => {
    await fetch(`${base}/letters/a`);
    clock += 999;
    await fetch(`${base}/letters/a`);
    expect(reachedNext).toBe(1);
    clock += 1;
    await fetch(`${base}/letters/a`);
    expect(reachedNext).toBe(2);
  });

  it("answers HEAD from what a GET left, without a body", async () => {
    await fetch(`${base}/letters/a`);
    const head = await fetch(`${base}/letters/a`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(reachedNext).toBe(1);
  });

  it("keeps the RSC payload of a navigation apart from the document, and each query apart", async () => {
    await fetch(`${base}/letters/a`);
    await fetch(`${base}/letters/a`, { headers: { RSC: "1" } });
    await fetch(`${base}/letters/a?x=1`);
    expect(reachedNext).toBe(3);
    await fetch(`${base}/letters/a`, { headers: { RSC: "1" } });
    expect(reachedNext).toBe(3);
  });

  it.each([
    ["Next is already replacing it (STALE)", { "x-nextjs-cache": "STALE" }, 200],
    ["Next did not cache it (no x-nextjs-cache)", { "x-nextjs-cache": "" }, 200],
    ["it is private", { "Cache-Control": "private, no-store" }, 200],
    ["it is not public", { "Cache-Control": "max-age=0" }, 200],
    ["it sets a cookie", { "Set-Cookie": "session=1" }, 200],
    ["it varies on a header the key does not hold", { Vary: "rsc, Cookie" }, 200],
    ["it is not a 200", {}, 404],
  ])("never holds a page when %s", async (_case, headers, status) => {
    answer = fromNextsCache(headers as Record<string, string>, status);
    await fetch(`${base}/letters/a`);
    await fetch(`${base}/letters/a`);
    expect(reachedNext).toBe(2);
  });

  it("holds nothing for a POST, and answers no POST from what a GET left", async () => {
    await fetch(`${base}/letters/a`);
    await fetch(`${base}/letters/a`, { method: "POST", headers: { Origin: "http://app.example" }, body: "a=1" });
    expect(reachedNext).toBe(2);
  });

  it("forgets everything at a drop, and does not keep what Next answered before the drop", async () => {
    await fetch(`${base}/letters/a`);
    cache.drop();
    await fetch(`${base}/letters/a`);
    expect(reachedNext).toBe(2);

    // A page Next rendered before an organiser's change, whose answer ends after the drop.
    answer = (request, response) => {
      cache.drop();
      fromNextsCache()(request, response);
    };
    await fetch(`${base}/letters/b`);
    answer = fromNextsCache();
    await fetch(`${base}/letters/b`);
    expect(reachedNext).toBe(4);
  });

  it("holds at most its number of pages and bytes, the oldest going first", async () => {
    cache = createPageCache({ ttlMs: 1_000, now: () => clock, maxEntries: 2 });
    for (const slug of ["a", "b", "c"]) await fetch(`${base}/letters/${slug}`);
    await fetch(`${base}/letters/c`);
    await fetch(`${base}/letters/b`);
    expect(reachedNext).toBe(3);
    await fetch(`${base}/letters/a`);
    expect(reachedNext).toBe(4);

    cache = createPageCache({ ttlMs: 1_000, now: () => clock, maxBytes: Buffer.byteLength(PAGE) * 2 - 1 });
    reachedNext = 0;
    for (const slug of ["a", "b"]) await fetch(`${base}/letters/${slug}`);
    await fetch(`${base}/letters/b`);
    await fetch(`${base}/letters/a`);
    expect(reachedNext).toBe(3);
  });

  it("holds nothing outside pages: the API goes to Next every time", async () => {
    answer = fromNextsCache({ "Content-Type": "application/json" });
    await fetch(`${base}/api/v1/letters`);
    await fetch(`${base}/api/v1/letters`);
    expect(reachedNext).toBe(2);
  });
});
