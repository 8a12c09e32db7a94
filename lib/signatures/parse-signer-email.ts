import { z } from "zod";
import { parseDomainName } from "@/lib/letters/domain-policy";

export type TSignerEmail = {
  /** Where confirmation mail goes: the local part as typed, the domain normalised. */
  address: string;
  /** What one-signature-per-person is enforced on. */
  dedupeForm: string;
  /** Lower-case ASCII (punycode), no trailing dot: what domain rules and counts use. */
  domain: string;
};

export type TParseSignerEmailResult = { ok: true; value: TSignerEmail } | { ok: false; reason: "invalid" };

// CR/LF are refused even at the ends, where trimming would otherwise hide them: an address that
// arrived with a line break was not typed into an email field, and it ends up in mail headers.
const CONTROL_CHARACTER = /\p{Cc}/u;
// Spaces inside an address are a typo or a quoted local part; invisible formatting characters
// (bidi overrides, zero-width spaces) make what is shown differ from what is signed. The zero-width
// joiners are spared: some scripts need them in domain names, and IDNA checks their context.
const SPACE_OR_INVISIBLE = /[\s\p{Z}]|(?![\u200c\u200d])\p{Cf}/u;
// The characters zod's email check allows, as a dot-atom. Deliberately not the whole RFC 5322
// set: `%` and `!` are old source-routing syntax (`victim%evil.io@company.com`) that a lax relay
// could forward outside the allowed domain, and ASCII keeps lower-casing and SMTP simple.
const LOCAL_PART = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*$/;
const MAX_LOCAL_PART = 64;
const MAX_ADDRESS = 254;

const INVALID = { ok: false, reason: "invalid" } as const;

/**
 * Vets a work email address typed by a signer and derives the forms the rest of the system uses.
 * Dots in the local part are significant (unlike Gmail, corporate mail systems deliver
 * `jane.doe` and `janedoe` to different people), but a `+tag` is the same mailbox, so it is
 * folded for deduplication: otherwise one person could sign as often as they invent tags.
 */
export function parseSignerEmail(raw: string): TParseSignerEmailResult {
  if (CONTROL_CHARACTER.test(raw)) return INVALID;
  const trimmed = raw.trim();
  if (trimmed.length > 4 * MAX_ADDRESS || SPACE_OR_INVISIBLE.test(trimmed)) return INVALID;

  const parts = trimmed.split("@");
  if (parts.length !== 2) return INVALID;
  const [localPart = "", domainPart = ""] = parts;
  if (localPart.length > MAX_LOCAL_PART || !LOCAL_PART.test(localPart)) return INVALID;
  const mailbox = localPart.split("+")[0] ?? "";
  if (mailbox === "") return INVALID;

  const domain = parseDomainName(domainPart);
  if (domain === null) return INVALID;
  const address = `${localPart}@${domain}`;
  if (address.length > MAX_ADDRESS) return INVALID;

  return { ok: true, value: { address, dedupeForm: `${mailbox.toLowerCase()}@${domain}`, domain } };
}

const SIGNER_EMAIL_MESSAGE = "Enter your work email address, like name@company.com.";

/** The signer's email field, for the form and the JSON API alike. */
export const ZSignerEmail = z.string({ error: SIGNER_EMAIL_MESSAGE }).transform((raw, ctx): TSignerEmail => {
  const parsed = parseSignerEmail(raw);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: SIGNER_EMAIL_MESSAGE, input: raw });
  return z.NEVER;
});
