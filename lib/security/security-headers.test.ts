import { describe, expect, it } from "vitest";
import { securityHeaderLists, securityHeadersFor } from "./security-headers";

describe("securityHeadersFor", () => {
  it("forbids framing, sniffing, cross-site referrers and powerful features on every page", () => {
    const headers = securityHeadersFor("/letters/some-letter", { https: false });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": "frame-ancestors 'none'",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
  });

  it("lets the badge be embedded, and only the badge", () => {
    expect(securityHeadersFor("/letters/some-letter/badge.svg", { https: false })).not.toHaveProperty("X-Frame-Options");
    expect(securityHeadersFor("/letters/some-letter/badge.svg.html", { https: false })).toHaveProperty("X-Frame-Options", "DENY");
  });

  it("pins HTTPS only where the app is served over it", () => {
    expect(securityHeadersFor("/", { https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("gives the production server the same headers as ready-made lists", () => {
    const lists = securityHeaderLists({ https: true });
    for (const path of ["/", "/letters/a-letter/badge.svg"]) {
      expect(Object.fromEntries(lists(path))).toEqual(securityHeadersFor(path, { https: true }));
    }
  });
});
