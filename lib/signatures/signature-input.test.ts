import { z } from "zod";
import { describe, expect, it } from "vitest";
import { ZSignatureInput } from "./signature-input";

const fieldsOf = (input: unknown) => {
  const parsed = ZSignatureInput.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return z.flattenError(parsed.error).fieldErrors;
};

describe("ZSignatureInput's messages to JSON clients", () => {
  it("says which field is missing, per field, never zod's raw wording", () => {
    const fields = fieldsOf({});
    expect(fields).toEqual({
      name: ["Required: the signer's name, as a string."],
      email: ["Required: the signer's work email address, as a string."],
      anonymous: ['Required: true to sign anonymously, false to show the name (or display: "name", "anonymous" or { "nameAt": N }).'],
    });
  });

  it("says what type a field must be", () => {
    const fields = fieldsOf({ name: 7, email: ["a@b.c"], anonymous: "maybe", title: 1, team: false, comment: {} });
    expect(fields).toEqual({
      name: ["Must be a string: the signer's name."],
      email: ["Must be a string: the signer's work email address."],
      anonymous: ["Must be true or false: true signs anonymously."],
      title: ["Must be a string: the signer's job title, or left out."],
      team: ["Must be a string: the signer's team, or left out."],
      comment: ["Must be a string: a comment, or left out."],
    });
    expect(JSON.stringify(fields)).not.toMatch(/Invalid input|expected/);
  });

  it("takes display as name, anonymous or a threshold, and says what it must be", () => {
    const base = { name: "Ada", email: "ada@example.com" };
    for (const display of ["name", "anonymous", { nameAt: 25 }])
      expect(ZSignatureInput.safeParse({ ...base, display }).success, JSON.stringify(display)).toBe(true);
    for (const display of ["maybe", { nameAt: 0 }, { nameAt: 2.5 }, { nameAt: "25" }, { nameAt: 25, extra: 1 }, 25]) {
      expect(fieldsOf({ ...base, display }), JSON.stringify(display)).toEqual({
        display: ['Must be "name", "anonymous" or { "nameAt": N } with N one of the letter\'s thresholds.'],
      });
    }
  });

  it("keeps the form's wording for what a person types", () => {
    expect(fieldsOf({ name: " ", email: "a@b.c", anonymous: false })).toEqual({ name: ["Enter your name."] });
  });
});
