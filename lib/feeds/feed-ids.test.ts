import { describe, expect, it } from "vitest";
import { entryIdOfRow, letterFeedId, nameBasedUuid } from "./feed-ids";

describe("feed ids", () => {
  it("derives RFC 4122 version-5 UUIDs (the RFC's DNS namespace example)", () => {
    expect(nameBasedUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("names a letter's feed apart from the letter, the same way every time", () => {
    const letterId = "0b6f2c4e-1f0a-4d7b-8f55-3c2e9a7d1b00";
    expect(letterFeedId(letterId)).toBe(letterFeedId(letterId));
    expect(letterFeedId(letterId)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(letterFeedId(letterId)).not.toBe(entryIdOfRow(letterId));
    expect(letterFeedId(letterId)).not.toBe(letterFeedId("0b6f2c4e-1f0a-4d7b-8f55-3c2e9a7d1b01"));
  });
});
