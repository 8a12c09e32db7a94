import { describe, expect, it } from "vitest";
import { generateToken, hashToken, keyedHash } from "./tokens";

describe("tokens", () => {
  it("are long, URL-safe and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("are stored as a hash that does not reveal them", () => {
    const token = generateToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken(`${token}x`)).not.toBe(hashToken(token));
  });
});

describe("keyedHash", () => {
  it("depends on the secret as well as the value", () => {
    expect(keyedHash("jane@microsoft.com", "a".repeat(32))).toBe(keyedHash("jane@microsoft.com", "a".repeat(32)));
    expect(keyedHash("jane@microsoft.com", "a".repeat(32))).not.toBe(keyedHash("jane@microsoft.com", "b".repeat(32)));
    expect(keyedHash("jane@microsoft.com", "a".repeat(32))).not.toBe(keyedHash("john@microsoft.com", "a".repeat(32)));
  });
});
