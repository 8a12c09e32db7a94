import { z } from "zod";
import { parseTeamList } from "@/lib/teams/team-name";
import { normaliseDomain } from "./domain-policy";
import { LETTER_LIMITS } from "./letter-limits";
import { ZSlug } from "./slug";
import { formatCount } from "@/lib/wording/format";

const trimmed = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${formatCount(max)} characters.`);

const ZDomainRule = z.object({
  domain: z.string().transform((value, context) => {
    const domain = normaliseDomain(value);
    if (domain === null) {
      context.addIssue({ code: "custom", message: "Enter a domain such as microsoft.com." });
      return z.NEVER;
    }
    return domain;
  }),
  includeSubdomains: z.boolean().default(false),
});

const ZOptionalDate = z
  .union([z.literal(""), z.null(), z.coerce.date()])
  .transform((value) => (value instanceof Date ? value : null))
  .refine((value) => value === null || !Number.isNaN(value.getTime()), "Enter a valid date.");

/**
 * Everything an organiser writes about a letter, as the editor submits it. A draft may be
 * incomplete (see publishRequirements); what it holds must still be well-formed.
 */
export const ZLetterDraft = z
  .object({
    title: trimmed(LETTER_LIMITS.title, "The title").min(1, "Give the letter a title."),
    slug: ZSlug,
    addressee: trimmed(LETTER_LIMITS.addressee, "The addressee"),
    bodyMarkdown: z.string().max(LETTER_LIMITS.body, `The letter must be at most ${formatCount(LETTER_LIMITS.body)} characters.`),
    demands: z
      .array(z.object({ id: z.uuid().optional(), text: trimmed(LETTER_LIMITS.demandText, "A demand").min(1, "Write the demand, or remove it.") }))
      .max(LETTER_LIMITS.demands, `At most ${LETTER_LIMITS.demands} demands.`),
    openToAnyDomain: z.boolean(),
    domains: z.array(ZDomainRule).max(LETTER_LIMITS.domains, `At most ${LETTER_LIMITS.domains} domains.`),
    goal: z.union([z.null(), z.coerce.number().int("Use a whole number.").min(1, "Use at least 1.").max(LETTER_LIMITS.goal)]),
    closesAt: ZOptionalDate,
    collectJobTitle: z.boolean(),
    collectTeam: z.boolean(),
    allowComments: z.boolean(),
    allowPublicNames: z.boolean(),
    // Names held until delivery (issue 13 §2): off unless chosen.
    holdNamesUntilDelivery: z.boolean().default(false),
    // "Name me once N people at my domain have signed" (lib/signatures/reveal-names.ts): the Ns
    // offered, as numbers or as the editor's text; none turns the choice off.
    nameThresholds: z
      .array(z.union([z.number(), z.string()]))
      .max(5, "Offer at most 5 thresholds.")
      .transform((values, context) => {
        const numbers = values.map(Number);
        if (numbers.some((value) => !Number.isInteger(value) || value < 2 || value > 1_000_000)) {
          context.addIssue({ code: "custom", message: "Use whole numbers from 2 to 1,000,000, separated by commas." });
          return z.NEVER;
        }
        return [...new Set(numbers)].sort((a, b) => a - b);
      })
      .default([25, 100]),
    // The teams a signer picks from (lib/teams/team-name.ts), one per line in the editor; none:
    // free text. Only asked for when collectTeam is on.
    teams: z
      // Counted after blank lines are dropped (parseTeamList); the request's size bounds the rest.
      .array(z.string())
      .transform((entries, context) => {
        const parsed = parseTeamList(entries);
        if (!parsed.ok) {
          context.addIssue({ code: "custom", message: parsed.message });
          return z.NEVER;
        }
        return parsed.teams;
      })
      .default([]),
    discreetEmails: z.boolean(),
    // Signers verified by organisers instead of by email (issue 14 §3): off unless chosen.
    organiserVerification: z.boolean().default(false),
    organiserVerificationInstructions: trimmed(LETTER_LIMITS.organiserVerificationInstructions, "The instructions").default(""),
  })
  .superRefine((draft, context) => {
    const seen = new Set<string>();
    draft.domains.forEach((rule, index) => {
      if (seen.has(rule.domain)) context.addIssue({ code: "custom", path: ["domains", index, "domain"], message: "This domain is listed twice." });
      seen.add(rule.domain);
    });
  });

export type TLetterDraft = z.infer<typeof ZLetterDraft>;
export type TLetterDraftInput = z.input<typeof ZLetterDraft>;

/**
 * What can still change once a letter is open: signers agreed to its words, not to its target,
 * nor to how the organisers take verification codes (a Signal number may change).
 */
export const ZOpenLetterSettings = z.object({
  goal: ZLetterDraft.shape.goal,
  closesAt: ZOptionalDate,
  organiserVerificationInstructions: trimmed(LETTER_LIMITS.organiserVerificationInstructions, "The instructions")
    .min(1, "Tell signers verified by organisers how to show you their code.")
    .optional(),
});
