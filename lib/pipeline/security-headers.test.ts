import { describe, expect, it } from "vitest";
import { createSecurityHeaders, mayBePage } from "./security-headers";

const headersOf = (pathname: string, https = false) => Object.fromEntries(createSecurityHeaders({ https }).forPath(pathname));

describe("security headers", () => {
  it("forbid framing, sniffing, cross-site referrers, powerful features and any script on every response", () => {
    const headers = headersOf("/api/v1/letters");
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers).not.toHaveProperty("Strict-Transport-Security");
  });

  it("let the badge be embedded, and only the badge, still without scripts", () => {
    const badge = headersOf("/letters/some-letter/badge.svg");
    expect(badge).not.toHaveProperty("X-Frame-Options");
    expect(badge["Content-Security-Policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *");
    expect(headersOf("/letters/some-letter/badge.svg.html")).toHaveProperty("X-Frame-Options", "DENY");
  });

  it("let a page run only the scripts that carry its nonce, and what they load", () => {
    const policy = createSecurityHeaders({ https: false }).pagePolicy("abc123");
    const directives = policy.split("; ");
    expect(directives).toContain("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(directives).toContain("form-action 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("give the page policy to whatever may be a page, and keep the JSON API and the badge without scripts", () => {
    for (const path of ["/", "/letters/a-letter", "/organise/letters/1/export.csv", "/api/auth/signout"]) expect(mayBePage(path), path).toBe(true);
    for (const path of [
      "/api/v1/letters",
      "/api/health",
      "/letters/a-letter/badge.svg",
      "/feed.xml",
      "/letters/a-letter/feed.xml",
      "/letters/a-letter/calendar.ics",
    ])
      expect(mayBePage(path), path).toBe(false);
  });

  it("pin HTTPS only where the app is served over it", () => {
    expect(headersOf("/", true)["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    // A trusted proxy that saw https adds it on a plain-http deployment, to every kind of path.
    const overHttps = createSecurityHeaders({ https: false });
    for (const path of ["/", "/api/v1/letters/a/count", "/letters/a/badge.svg"]) {
      expect(Object.fromEntries(overHttps.forPath(path, true))["Strict-Transport-Security"], path).toBe("max-age=63072000; includeSubDomains");
      expect(Object.fromEntries(overHttps.forPath(path))).not.toHaveProperty("Strict-Transport-Security");
    }
    expect(createSecurityHeaders({ https: true }).pagePolicy("n")).toContain("upgrade-insecure-requests");
  });
});
