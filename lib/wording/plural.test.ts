import { describe, expect, it } from "vitest";
import { countOf, nounFor, NOUNS } from "./plural";

describe("countOf", () => {
  it.each([
    [0, "0 verified signatures"],
    [1, "1 verified signature"],
    [2, "2 verified signatures"],
    [1234, "1,234 verified signatures"],
  ])("says %i as %j", (count, text) => {
    expect(countOf(count, NOUNS.verifiedSignature)).toBe(text);
  });

  it("takes the singular for one only, not for 1.5 or 21", () => {
    expect(nounFor(1, NOUNS.letter)).toBe("letter");
    expect(nounFor(21, NOUNS.letter)).toBe("letters");
    expect(nounFor(1.5, NOUNS.letter)).toBe("letters");
  });
});
