import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBrokenPathEscape, refuseBrokenPathEscape } from "./refuse-broken-path-escape";

const server = http.createServer((request, response) => {
  if (refuseBrokenPathEscape(request, response)) return;
  response.writeHead(299).end("fell through");
});
let base = "";
beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve())));
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("paths with broken %-escapes", () => {
  it("are told apart from paths that decode, whatever the query holds", () => {
    for (const broken of ["/letters/%ZZ", "/api/v1/letters/%ff", "/letters/%E0%A4%A", "/%", "/a%2"]) expect(hasBrokenPathEscape(broken), broken).toBe(true);
    for (const fine of ["/", "/letters/a-b", "/letters/%C3%A9t%C3%A9", "/letters/%00", "/a%2Fb", "/?q=%ZZ", "/x?%"])
      expect(hasBrokenPathEscape(fine), fine).toBe(false);
  });

  it("are refused with a 400: the API's error body for the API, a sentence for pages", async () => {
    const api = await fetch(`${base}/api/v1/letters/%ZZ`);
    expect(api.status).toBe(400);
    expect(api.headers.get("access-control-allow-origin")).toBe("*");
    expect(await api.json()).toEqual({ error: { code: "MALFORMED_URL", message: "This address is not valid: it contains a broken %-escape." } });

    const page = await fetch(`${base}/letters/%E0%A4%A`);
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await page.text()).toMatch(/broken %-escape/);
  });

  it("leave every other request to the app", async () => {
    for (const path of ["/letters/%C3%A9t%C3%A9", "/?q=%ZZ", "/api/v1/letters/%00"]) expect((await fetch(`${base}${path}`)).status, path).toBe(299);
  });
});
