import { describe, expect, it } from "vitest";
import { ZSlug } from "./slug";

describe("ZSlug", () => {
  it.each(["microsoft-employees-ice-contracts", "abc", "letter-2018", "a1-b2-c3"])("accepts %s", (slug) => {
    expect(ZSlug.safeParse(slug).success).toBe(true);
  });

  it.each([
    ["upper case", "Microsoft-Letter"],
    ["spaces", "my letter"],
    ["a leading hyphen", "-letter"],
    ["a trailing hyphen", "letter-"],
    ["double hyphens", "my--letter"],
    ["path traversal", "../admin"],
    ["encoded characters", "letter%2Fadmin"],
    ["non-ASCII", "lettre-ouverte-été"],
    ["too short", "ab"],
    ["too long", "a".repeat(81)],
  ])("refuses %s", (_reason, slug) => {
    expect(ZSlug.safeParse(slug).success).toBe(false);
  });
});
