import { describe, expect, it } from "vitest";
import { MAX_LIST_AT_SIGNATURES, ZQuietLaunch } from "./quiet-launch-input";

const messages = (input: unknown) => {
  const parsed = ZQuietLaunch.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("the quiet-launch setting", () => {
  it("reads the form: unlisted with a threshold, unlisted by hand only, listed", () => {
    expect(ZQuietLaunch.parse({ visibility: "unlisted", listAtSignatures: "50" })).toEqual({ listed: false, listAtSignatures: 50 });
    expect(ZQuietLaunch.parse({ visibility: "unlisted", listAtSignatures: " 7 " })).toEqual({ listed: false, listAtSignatures: 7 });
    expect(ZQuietLaunch.parse({ visibility: "unlisted", listAtSignatures: "" })).toEqual({ listed: false, listAtSignatures: null });
    expect(ZQuietLaunch.parse({ visibility: "unlisted" })).toEqual({ listed: false, listAtSignatures: null });
    expect(ZQuietLaunch.parse({ visibility: "unlisted", listAtSignatures: null })).toEqual({ listed: false, listAtSignatures: null });
  });

  it("drops the threshold of a listed letter: it waits for nothing", () => {
    expect(ZQuietLaunch.parse({ visibility: "listed", listAtSignatures: "50" })).toEqual({ listed: true, listAtSignatures: null });
  });

  it("refuses thresholds that are not a positive whole number within bounds, saying why", () => {
    expect(messages({ visibility: "unlisted", listAtSignatures: "0" })).toEqual([
      "Use at least 1 signature, or leave it empty to make the letter public by hand.",
    ]);
    expect(messages({ visibility: "unlisted", listAtSignatures: "-3" })).toEqual([
      "Use at least 1 signature, or leave it empty to make the letter public by hand.",
    ]);
    expect(messages({ visibility: "unlisted", listAtSignatures: "2.5" })).toEqual(["Use a whole number of signatures."]);
    expect(messages({ visibility: "unlisted", listAtSignatures: "fifty" })).toEqual([
      "Enter a number of verified signatures, or leave it empty to make the letter public by hand.",
    ]);
    expect(messages({ visibility: "unlisted", listAtSignatures: String(MAX_LIST_AT_SIGNATURES + 1) })).toEqual(["Use at most 1,000,000 signatures."]);
    expect(ZQuietLaunch.parse({ visibility: "unlisted", listAtSignatures: String(MAX_LIST_AT_SIGNATURES) })).toEqual({
      listed: false,
      listAtSignatures: MAX_LIST_AT_SIGNATURES,
    });
  });

  it("refuses a missing or unknown visibility", () => {
    expect(messages({})).toEqual(["Choose whether the letter is listed or unlisted."]);
    expect(messages({ visibility: "hidden" })).toEqual(["Choose whether the letter is listed or unlisted."]);
  });
});
