import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("with no proxy trusted, is the TCP peer, whatever the client claims in X-Forwarded-For", () => {
    expect(resolveClientAddress("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1, 10.0.0.1", 0)).toBe("203.0.113.9");
  });

  it("behind one trusted proxy, is the entry that proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the balancer at 10.0.0.2 appended the real 198.51.100.7.
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", ["1.2.3.4", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("behind a CDN and a balancer (2 hops), is the address the CDN saw", () => {
    expect(resolveClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.0.2.50", 2)).toBe("198.51.100.7");
  });

  it("falls back to the peer when fewer proxies appended than are trusted, or an entry is not an address", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "not-an-ip", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("2001:db8::1", "2001:db8::2", 1)).toBe("2001:db8::2");
  });
});
