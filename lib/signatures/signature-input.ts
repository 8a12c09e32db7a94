import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { normaliseTeam } from "@/lib/teams/team-name";

// Control characters (CR/LF above all) have no place in a name and would be the raw material of
// header injection in the emails that quote it.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// A name is not an advertisement: "signatures" carrying links are how petition spam spreads.
const LOOKS_LIKE_A_LINK = /(:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|co|ru|cn|info|biz|xyz|top|app|dev|me|ly|gl|link|site|online)\b)/i;
// Leading = + - @ make spreadsheet programs evaluate a cell as a formula when an export is opened.
const FORMULA_PREFIX = /^[=+\-@\s]+/;

// Only a JSON client can send a missing or non-string field (the form always sends strings):
// these messages are written for it, per field, instead of zod's "Invalid input: expected…".
const typeError = (required: string, wrongType: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? required : wrongType),
});

const text = (label: string, max: number, apiName: string) =>
  z
    .string(typeError(`Required: ${apiName}, as a string.`, `Must be a string: ${apiName}.`))
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} contains characters that are not allowed.`)
    .transform((value) => value.replace(FORMULA_PREFIX, "").trim());

const optionalText = (label: string, max: number, apiName: string) =>
  text(label, max, apiName)
    .optional()
    .transform((value) => (value ? value : undefined));

const DISPLAY_ERROR = 'Must be "name", "anonymous" or { "nameAt": N } with N one of the letter\'s thresholds.';

/** The fields a signer submits, each checked on its own (the organiser-verification claim reuses them). */
export const ZSignatureFields = z.object({
  name: text("Your name", 120, "the signer's name")
    .refine((value) => value.length > 0, "Enter your name.")
    .refine((value) => !LOOKS_LIKE_A_LINK.test(value), "A name cannot contain a web address."),
  email: z
    .string(typeError("Required: the signer's work email address, as a string.", "Must be a string: the signer's work email address."))
    .trim()
    .min(1, "Enter your work email address.")
    .max(254, "That email address is too long."),
  // How the signature appears: `display` ("name", "anonymous", or { nameAt: N }: the name once N
  // people at the signer's domain have signed), or, for clients written before it, `anonymous`.
  display: z
    .union(
      [
        z.enum(["name", "anonymous"], { error: DISPLAY_ERROR }),
        z.strictObject(
          {
            nameAt: z
              .number({ error: DISPLAY_ERROR })
              .int({ error: DISPLAY_ERROR })
              .positive({ error: DISPLAY_ERROR })
              .max(1_000_000, { error: DISPLAY_ERROR }),
          },
          { error: DISPLAY_ERROR },
        ),
      ],
      { error: DISPLAY_ERROR },
    )
    .optional(),
  anonymous: z.boolean({ error: "Must be true or false: true signs anonymously." }).optional(),
  title: optionalText("Job title", 120, "the signer's job title, or left out").refine(
    (value) => !value || !LOOKS_LIKE_A_LINK.test(value),
    "A job title cannot contain a web address.",
  ),
  team: optionalText("Team", 120, "the signer's team, or left out")
    .refine((value) => !value || !LOOKS_LIKE_A_LINK.test(value), "A team cannot contain a web address.")
    // Counted case- and space-insensitively, and stored with its spaces tidied (lib/teams/team-name.ts).
    .transform((value) => (value ? normaliseTeam(value) : undefined)),
  comment: optionalText("Your comment", 1000, "a comment, or left out"),
});

/** What a signer submits, by the form or the JSON API. Declared once for both. */
export const ZSignatureInput = ZSignatureFields.refine((input) => input.display !== undefined || input.anonymous !== undefined, {
  path: ["anonymous"],
  message: 'Required: true to sign anonymously, false to show the name (or display: "name", "anonymous" or { "nameAt": N }).',
  // Said beside the other fields' problems, not only once they are fixed.
  when: (payload) => {
    const value = payload.value as { display?: unknown; anonymous?: unknown } | null;
    return typeof value === "object" && value !== null;
  },
});

/** The signer's choice of how their signature appears: `display` if given, else `anonymous`. */
export function displayChoice(input: { display?: "name" | "anonymous" | { nameAt: number }; anonymous?: boolean }): "name" | "anonymous" | { nameAt: number } {
  if (input.display !== undefined) return input.display;
  return input.anonymous ? "anonymous" : "name";
}

/**
 * How a signature of this letter starts out, from the signer's choice: named, anonymous, or
 * anonymous until its domain reaches one of the letter's thresholds (reveal-names.ts). No name
 * shows on a letter that shows none. A threshold the letter does not offer is refused, for the
 * field. Both ways of signing (the emailed link and the organisers' code) decide it here.
 */
export function appearanceFor(
  letter: { allowPublicNames: boolean; nameThresholds: readonly number[] },
  display: "name" | "anonymous" | { nameAt: number },
): { showName: boolean; showNameAt: number | null } {
  if (typeof display === "object" && !letter.nameThresholds.includes(display.nameAt)) {
    const offered = letter.nameThresholds.length > 0 ? `Choose one of ${letter.nameThresholds.join(", ")}.` : "This letter does not offer it.";
    throw new AppError("INVALID_INPUT", {
      fields: { display: [`Showing your name once ${display.nameAt} people have signed is not an option here. ${offered}`] },
    });
  }
  return {
    showName: letter.allowPublicNames && display === "name",
    showNameAt: letter.allowPublicNames && typeof display === "object" ? display.nameAt : null,
  };
}

export type TSignatureInput = z.input<typeof ZSignatureInput>;
export type TSignatureFields = z.output<typeof ZSignatureInput>;
