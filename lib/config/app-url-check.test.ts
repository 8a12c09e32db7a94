import { describe, expect, it } from "vitest";
import { appUrlOriginMismatch, appUrlPortWarning } from "./app-url-check";

describe("appUrlPortWarning", () => {
  it("warns when a local APP_URL names another port than the one served", () => {
    const warning = appUrlPortWarning({ appUrl: "http://localhost:3000", listenPort: 3400, trustedProxyHops: 0 });
    expect(warning).toContain("APP_URL is http://localhost:3000, but this server listens on port 3400");
    expect(warning).toContain("APP_URL=http://localhost:3400");
  });

  it.each([
    ["the ports agree", { appUrl: "http://localhost:3400/", listenPort: 3400, trustedProxyHops: 0 }],
    ["a public address (a proxy is in front)", { appUrl: "https://letters.example", listenPort: 3000, trustedProxyHops: 0 }],
    ["a trusted proxy forwards to this port", { appUrl: "http://localhost:3000", listenPort: 3001, trustedProxyHops: 1 }],
    ["the default http port is the one served", { appUrl: "http://127.0.0.1", listenPort: 80, trustedProxyHops: 0 }],
  ])("stays quiet when %s", (_case, options) => {
    expect(appUrlPortWarning(options)).toBeNull();
  });
});

describe("appUrlOriginMismatch", () => {
  it("names both addresses when the browser is elsewhere", () => {
    const message = appUrlOriginMismatch("http://localhost:3000", "http://localhost:3400");
    expect(message).toContain("set up to be used at http://localhost:3000");
    expect(message).toContain("you are using it at http://localhost:3400");
    expect(message).toContain("no link was sent");
  });

  it("counts a different scheme or host as elsewhere", () => {
    expect(appUrlOriginMismatch("https://letters.example", "http://letters.example")).not.toBeNull();
    expect(appUrlOriginMismatch("http://localhost:3000", "http://127.0.0.1:3000")).not.toBeNull();
  });

  it.each([
    ["the same origin", "https://letters.example/", "https://letters.example"],
    ["the default port spelled out", "https://letters.example", "https://letters.example:443"],
    ["no Origin header", "https://letters.example", null],
    ["an opaque origin", "https://letters.example", "null"],
  ])("accepts %s", (_case, appUrl, origin) => {
    expect(appUrlOriginMismatch(appUrl, origin)).toBeNull();
  });
});
