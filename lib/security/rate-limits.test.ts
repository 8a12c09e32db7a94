import { describe, expect, it } from "vitest";
import { clientIpSubject, hashClientIp } from "./hash-client-ip";

const SECRET = "s".repeat(32);

describe("hashClientIp", () => {
  it("gives one client the same key all day (UTC)", () => {
    const morning = hashClientIp("203.0.113.7", SECRET, new Date("2026-03-01T00:00:00.000Z"));
    const night = hashClientIp("203.0.113.7", SECRET, new Date("2026-03-01T23:59:59.999Z"));
    expect(morning).toMatch(/^[0-9a-f]{64}$/);
    expect(night).toBe(morning);
  });

  it("gives the same client an unrelated key the next day, so days cannot be linked", () => {
    const monday = hashClientIp("203.0.113.7", SECRET, new Date("2026-03-01T23:59:59.999Z"));
    const tuesday = hashClientIp("203.0.113.7", SECRET, new Date("2026-03-02T00:00:00.000Z"));
    expect(tuesday).not.toBe(monday);
  });

  it("depends on the secret, so the keys cannot be recomputed by hashing every IPv4 address", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(hashClientIp("203.0.113.7", SECRET, now)).not.toBe(hashClientIp("203.0.113.7", "t".repeat(32), now));
  });

  it("tells clients apart and never contains the address", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const key = hashClientIp("203.0.113.7", SECRET, now);
    expect(hashClientIp("203.0.113.8", SECRET, now)).not.toBe(key);
    expect(key).not.toContain("203");
  });

  it("counts every address of one IPv6 /64 as one client", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    expect(hashClientIp("2001:db8:1:2::1", SECRET, now)).toBe(hashClientIp("2001:db8:1:2:ffff:0:0:9", SECRET, now));
    expect(hashClientIp("2001:db8:1:3::1", SECRET, now)).not.toBe(hashClientIp("2001:db8:1:2::1", SECRET, now));
  });
});

describe("clientIpSubject", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(clientIpSubject(" 198.51.100.20 ")).toBe("198.51.100.20");
  });

  it("reduces IPv6 to its /64 network, whatever the notation", () => {
    expect(clientIpSubject("2001:DB8:0:0:1::1")).toBe("2001:db8:0:0::/64");
    expect(clientIpSubject("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(clientIpSubject("::1")).toBe("0:0:0:0::/64");
    expect(clientIpSubject("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 client it is", () => {
    expect(clientIpSubject("::ffff:198.51.100.20")).toBe("198.51.100.20");
    expect(clientIpSubject("::FFFF:c633:6414")).toBe("198.51.100.20");
  });

  it("still gives a stable subject for something that is not an address", () => {
    expect(clientIpSubject("Unknown")).toBe("unknown");
  });
});
