import { describe, expect, it } from "vitest";
import { hasAcceptableCallbackUrls } from "./callback-url";

const at = (query: string) => new URL(`https://letters.example/api/auth/csrf${query}`);
const noCookie = () => undefined;

describe("hasAcceptableCallbackUrls", () => {
  it("accepts no callback URL, a path on this site, and an absolute http(s) URL (Auth.js then keeps it to this site)", () => {
    for (const query of ["", "?callbackUrl=", "?callbackUrl=%2Forganise", "?callbackUrl=https%3A%2F%2Fevil.example%2F"]) {
      expect(hasAcceptableCallbackUrls(at(query), noCookie), query).toBe(true);
    }
  });

  it("refuses what Auth.js would answer with a 500: relative without a slash, other schemes, garbage", () => {
    for (const value of ["..\\..\\windows\\win.ini", "organise", "javascript:alert(1)", "\u0000", "//"]) {
      expect(hasAcceptableCallbackUrls(at(`?callbackUrl=${encodeURIComponent(value)}`), noCookie), value).toBe(false);
    }
  });

  it("judges Auth.js's callback cookie the same way, under either of its names", () => {
    expect(hasAcceptableCallbackUrls(at(""), (name) => (name === "authjs.callback-url" ? "../x" : undefined))).toBe(false);
    expect(hasAcceptableCallbackUrls(at(""), (name) => (name === "__Secure-authjs.callback-url" ? "nope" : undefined))).toBe(false);
    expect(hasAcceptableCallbackUrls(at(""), (name) => (name === "authjs.callback-url" ? "/organise" : undefined))).toBe(true);
  });
});
