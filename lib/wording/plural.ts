import { formatCount } from "./format";

// English has two forms, but which one a number takes is a rule of the language, not `n === 1`
// written out in every component: one place, asked through Intl.PluralRules, so that "1
// verified signature" reads right in every text, title, alt and aria-label alike.
const rules = new Intl.PluralRules("en-GB");

export type TNoun = { one: string; other: string };

export const NOUNS = {
  verifiedSignature: { one: "verified signature", other: "verified signatures" },
  signature: { one: "signature", other: "signatures" },
  signatureConfirmed: { one: "signature confirmed", other: "signatures confirmed" },
  verifiedSigner: { one: "verified signer", other: "verified signers" },
  anonymousVerifiedSigner: { one: "anonymous verified signer", other: "anonymous verified signers" },
  moreNamedSigner: { one: "more named signer", other: "more named signers" },
  letter: { one: "letter", other: "letters" },
  domain: { one: "domain", other: "domains" },
  employee: { one: "employee", other: "employees" },
} satisfies Record<string, TNoun>;

/** The form of `noun` that goes with `count`: "signature" for 1, "signatures" otherwise. */
export function nounFor(count: number, noun: TNoun): string {
  return rules.select(count) === "one" ? noun.one : noun.other;
}

/** The count and its noun: "1 verified signature", "1,234 verified signatures". */
export function countOf(count: number, noun: TNoun): string {
  return `${formatCount(count)} ${nounFor(count, noun)}`;
}
