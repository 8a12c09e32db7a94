import { describe, expect, it } from "vitest";
import { describeActivity } from "./describe-activity";

describe("activity sentences", () => {
  it("says what happened to a signature without naming its signer", () => {
    expect(describeActivity("signature.name-hidden", { signatureId: "x", domain: "example.com" })).toBe("hid the name of a signer at @example.com");
    expect(describeActivity("signature.comment-shown", { signatureId: "x", domain: "example.com" })).toBe(
      "showed the comment of a signer at @example.com again",
    );
    expect(describeActivity("signature.invalidated", { domain: "other.org", reason: "Not an employee" })).toBe(
      "invalidated the signature of a signer at @other.org — reason: “Not an employee”",
    );
  });

  it("describes a bulk invalidation by its filter and count", () => {
    expect(
      describeActivity("signatures.bulk-invalidated", {
        filter: { domain: "spam.test", source: "0badc0de" },
        reason: "Flood",
        pending: 3,
        confirmed: 1,
        total: 4,
      }),
    ).toBe("invalidated 4 signatures at @spam.test, from source 0badc0de — reason: “Flood”");
    expect(describeActivity("signatures.bulk-invalidated", { filter: { from: "2026-11-01T00:00:00.000Z" }, total: 1 })).toBe(
      "invalidated 1 signature submitted from 2026-11-01T00:00:00.000Z",
    );
  });

  it("describes exports, and survives details it does not expect", () => {
    expect(describeActivity("signatures.exported", { named: 1, anonymous: 7 })).toBe("exported the signatures (1 named signer, 7 anonymous)");
    expect(describeActivity("signatures.exported", null)).toBe("exported the signatures (some named signers, some anonymous)");
    expect(describeActivity("letter.published", {})).toBe("published the letter");
    expect(describeActivity("letter.renamed-by-the-future", {})).toBe("did something (letter.renamed-by-the-future)");
  });

  it("describes the quiet-launch settings and how the letter went public", () => {
    expect(describeActivity("letter.visibility-changed", { listed: false, listAtSignatures: 50 })).toBe(
      "made the letter unlisted until it has 50 verified signatures",
    );
    expect(describeActivity("letter.visibility-changed", { listed: false, listAtSignatures: null })).toBe(
      "made the letter unlisted until it is made public by hand",
    );
    expect(describeActivity("letter.visibility-changed", { listed: true, listAtSignatures: null })).toBe("made the letter listed");
    expect(describeActivity("letter.made-public", { by: "threshold", listAtSignatures: 1, total: 1 })).toBe(
      "made the letter public on reaching 1 verified signature",
    );
    expect(describeActivity("letter.made-public", { by: "organiser" })).toBe("made the letter public");
  });
});
