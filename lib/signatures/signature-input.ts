import { z } from "zod";

// Control characters (CR/LF above all) have no place in a name and would be the raw material of
// header injection in the emails that quote it.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// A name is not an advertisement: "signatures" carrying links are how petition spam spreads.
const LOOKS_LIKE_A_LINK = /(:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|co|ru|cn|info|biz|xyz|top|app|dev|me|ly|gl|link|site|online)\b)/i;
// Leading = + - @ make spreadsheet programs evaluate a cell as a formula when an export is opened.
const FORMULA_PREFIX = /^[=+\-@\s]+/;

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} contains characters that are not allowed.`)
    .transform((value) => value.replace(FORMULA_PREFIX, "").trim());

const optionalText = (label: string, max: number) =>
  text(label, max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** What a signer submits, by the form or the JSON API. Declared once for both. */
export const ZSignatureInput = z.object({
  name: text("Your name", 120)
    .refine((value) => value.length > 0, "Enter your name.")
    .refine((value) => !LOOKS_LIKE_A_LINK.test(value), "A name cannot contain a web address."),
  email: z
    .string({ error: "Enter your work email address." })
    .trim()
    .min(1, "Enter your work email address.")
    .max(254, "That email address is too long."),
  anonymous: z.boolean({ error: "Choose whether to show your name." }),
  title: optionalText("Job title", 120).refine((value) => !value || !LOOKS_LIKE_A_LINK.test(value), "A job title cannot contain a web address."),
  team: optionalText("Team", 120).refine((value) => !value || !LOOKS_LIKE_A_LINK.test(value), "A team cannot contain a web address."),
  comment: optionalText("Your comment", 1000),
});

export type TSignatureInput = z.input<typeof ZSignatureInput>;
export type TSignatureFields = z.output<typeof ZSignatureInput>;
