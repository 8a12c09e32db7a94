import { describe, expect, it } from "vitest";
import { dropUntrustedForwardedHost } from "./forwarded-host";

describe("dropUntrustedForwardedHost", () => {
  it("drops the header a client sent straight to us, and keeps the others", () => {
    const headers = { host: "letters.example", origin: "https://letters.example", "x-forwarded-host": "evil.example" };
    dropUntrustedForwardedHost(headers, 0);
    expect(headers).toEqual({ host: "letters.example", origin: "https://letters.example" });
  });

  it("keeps the header behind a trusted proxy, which sets it", () => {
    const headers = { host: "10.0.0.5:3000", "x-forwarded-host": "letters.example" };
    dropUntrustedForwardedHost(headers, 1);
    expect(headers["x-forwarded-host"]).toBe("letters.example");
  });
});
