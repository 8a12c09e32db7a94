import { describe, expect, it } from "vitest";
import { describeNameProgress } from "./name-progress";

describe("what a signer waiting on a threshold is told", () => {
  it("says how far the domain is from it", () => {
    expect(describeNameProgress({ domain: "microsoft.com", threshold: 50 }, 37)).toBe(
      "37 of 50 at microsoft.com: your name will appear when 13 more colleagues at microsoft.com have signed. Until then your signature counts and shows as anonymous.",
    );
    expect(describeNameProgress({ domain: "example.com", threshold: 1000 }, 999)).toContain("when 1 more colleague at example.com");
  });

  it("says the name is about to appear once the threshold is reached", () => {
    expect(describeNameProgress({ domain: "example.com", threshold: 25 }, 25)).toMatch(/^25 people at example.com have signed: your name will appear/);
    expect(describeNameProgress({ domain: "example.com", threshold: 25 }, 30)).toContain("stays even if some of them withdraw");
  });
});
