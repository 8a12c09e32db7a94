import { describe, expect, it } from "vitest";
import { describeVisibility } from "./describe-visibility";

const open = { status: "OPEN" as const, listed: false, listAtSignatures: 50, listedAt: null, total: 12 };

describe("the organiser's sentence on who can find the letter", () => {
  it("says an open, unlisted letter is found by its link only, and when it goes public", () => {
    expect(describeVisibility(open)).toBe("Unlisted — only people with the link can find it. Goes public at 50 verified signatures (12 now).");
    expect(describeVisibility({ ...open, listAtSignatures: 1, total: 0 })).toBe(
      "Unlisted — only people with the link can find it. Goes public at 1 verified signature (0 now).",
    );
    expect(describeVisibility({ ...open, listAtSignatures: 1500 })).toBe(
      "Unlisted — only people with the link can find it. Goes public at 1,500 verified signatures (12 now).",
    );
    expect(describeVisibility({ ...open, listAtSignatures: null })).toBe(
      "Unlisted — only people with the link can find it. Goes public when an owner makes it public.",
    );
  });

  it("speaks of the future before publishing, and of the owner's hand once closed", () => {
    expect(describeVisibility({ ...open, status: "DRAFT", total: 0 })).toBe(
      "Unlisted — once published, only people with the link can find it. Goes public at 50 verified signatures.",
    );
    expect(describeVisibility({ ...open, status: "CLOSED" })).toBe(
      "Unlisted — only people with the link can find it. It is closed, so only an owner can make it public now.",
    );
  });

  it("says a listed letter is public, and since when if it started unlisted", () => {
    expect(describeVisibility({ ...open, listed: true, listAtSignatures: null })).toBe(
      "Public — on the home page, in search, the sitemap and the site's feed, and open to search engines.",
    );
    expect(describeVisibility({ ...open, listed: true, listedAt: new Date("2026-06-05T12:00:00Z") })).toBe(
      "Public since 5 June 2026 — on the home page, in search, the sitemap and the site's feed. Until then it was unlisted.",
    );
    expect(describeVisibility({ ...open, status: "DRAFT", listed: true })).toBe(
      "Listed — once published, it is on the home page, in search, the sitemap and the site's feed, and open to search engines.",
    );
  });
});
