import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { substituteNonceInHtml } from "./nonce-response";
import { freshNonce, placeholderNonce } from "./script-nonces";
import { serveNotFoundWithoutScripts, withoutScripts } from "./scriptless-not-found";

const PLACEHOLDER = placeholderNonce("a secret of the server");
const POLICY = "script-src 'none'; default-src 'self'";
const PAGE_POLICY = "script-src 'nonce-x' 'strict-dynamic'";

// Shaped like Next's build-time 404: chunk scripts, an inline bootstrap, a preload hint, no nonce.
const BUILD_TIME_404 = [
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css"/>`,
  `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/><script src="/_next/static/chunks/c.js" async=""></script>`,
  `<script src="/_next/static/chunks/d.js" noModule=""></script><link rel="icon" href="/favicon.ico"/></head><body><main><h1>Not found</h1>`,
  `<p>There is no published letter at this address. <a href="/">See the open letters</a>.</p></main>`,
  `<script id="_R_">self.__next_r="x"</script><script>(self.__next_f=self.__next_f||[]).push([0])</script>\n<script>self.__next_f.push([1,"</div>"])</script></body></html>`,
];
const RENDERED_404 = `<html><body><h1>Not found</h1><script nonce="${PLACEHOLDER}">self.__next_f=[]</script></body></html>`;

type TCase = (response: ServerResponse) => void;
const cases = new Map<string, TCase>([
  // Next's static pages: headers on writeHead, then the body in pieces.
  [
    "/build-time-404",
    (response) => {
      const body = BUILD_TIME_404.join("");
      response.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
      for (const piece of BUILD_TIME_404) response.write(piece);
      response.end();
    },
  ],
  [
    "/rendered-404",
    (response) => {
      response.statusCode = 404;
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.end(RENDERED_404);
    },
  ],
  [
    "/page",
    (response) => {
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.write(BUILD_TIME_404[0]);
      response.end(BUILD_TIME_404[1]);
    },
  ],
  [
    "/json-404",
    (response) => {
      response.writeHead(404, { "Content-Type": "application/json" });
      response.end(`{"error":{"code":"LETTER_NOT_FOUND","message":"<script>"}}`);
    },
  ],
]);

let base = "";
const server = createServer((request, response) => {
  response.setHeader("Content-Security-Policy", PAGE_POLICY);
  // As the production server installs them: the nonce swap, then this.
  substituteNonceInHtml(response, PLACEHOLDER, freshNonce());
  serveNotFoundWithoutScripts(response, { placeholder: PLACEHOLDER, policy: POLICY });
  cases.get(request.url ?? "")?.(response);
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("Next's build-time 404 page", () => {
  it("is served without a script or a script hint, under a policy that allows none, its text and link intact", async () => {
    const response = await fetch(`${base}/build-time-404`);
    const body = await response.text();
    expect(response.status).toBe(404);
    expect(response.headers.get("content-security-policy")).toBe(POLICY);
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
    expect(body).not.toMatch(/<script|as="script"|__next_f/);
    expect(body).toContain(`<h1>Not found</h1><p>There is no published letter at this address. <a href="/">See the open letters</a>.</p>`);
    expect(body).toContain(`<link rel="stylesheet" href="/_next/static/chunks/a.css"/>`);
    expect(body).toContain(`<link rel="icon" href="/favicon.ico"/>`);
  });

  it("leaves a 404 rendered for its request (it carries the nonce) with its scripts, nonce swapped, under the page policy", async () => {
    const response = await fetch(`${base}/rendered-404`);
    const body = await response.text();
    expect(response.headers.get("content-security-policy")).toBe(PAGE_POLICY);
    expect(body).toMatch(/<script nonce="[A-Za-z0-9_-]{22}">self.__next_f=\[\]<\/script>/);
    expect(body).not.toContain(PLACEHOLDER);
  });

  it("leaves other pages and non-HTML 404s untouched", async () => {
    const page = await fetch(`${base}/page`);
    expect(await page.text()).toBe(BUILD_TIME_404[0]! + BUILD_TIME_404[1]!);
    expect(page.headers.get("content-security-policy")).toBe(PAGE_POLICY);
    const json = await fetch(`${base}/json-404`);
    expect(await json.json()).toEqual({ error: { code: "LETTER_NOT_FOUND", message: "<script>" } });
    expect(json.headers.get("content-security-policy")).toBe(PAGE_POLICY);
  });
});

describe("withoutScripts", () => {
  it("removes script elements, however written, and script hints, and nothing else", () => {
    expect(withoutScripts(`<p>a</p><SCRIPT type="module">x()</SCRIPT ><script\nsrc="/y.js"></script><link rel="modulepreload" href="/z.js"><p>b</p>`)).toBe(
      "<p>a</p><p>b</p>",
    );
  });
});
