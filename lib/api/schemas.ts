import { z } from "zod";
import { APP_ERRORS } from "@/lib/errors/app-error";

/**
 * The public API's response bodies, declared once: route handlers build their answers through
 * these types, and /api/v1/openapi.json is generated from these very schemas (see openapi.ts).
 * Nothing here can carry a signer's address, address hash or IP key: the schemas forbid extra
 * properties, so the contract tests fail if one ever leaks into a response.
 */

const ZTimestamp = z.iso.datetime().describe("ISO 8601, UTC");
const ZCount = z.number().int().min(0);

export const ZLetterStatus = z.enum(["OPEN", "CLOSED"]).meta({ id: "LetterStatus", description: "Whether the letter still accepts signatures." });

export const ZApiError = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(APP_ERRORS) as [keyof typeof APP_ERRORS, ...(keyof typeof APP_ERRORS)[]]),
      message: z.string().describe("For people; may change. Match on `code`."),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("Per input field, what is wrong with it."),
    }),
  })
  .meta({ id: "Error" });

export const ZLetterSummary = z
  .object({
    slug: z.string(),
    title: z.string(),
    addressee: z.string(),
    status: ZLetterStatus,
    total: ZCount.describe("Verified (confirmed) signatures, at most a few seconds old."),
    goal: ZCount.nullable(),
    publishedAt: ZTimestamp.nullable(),
    url: z.url().describe("The letter's public page."),
  })
  .meta({ id: "LetterSummary" });

export const ZLetterList = z
  .object({ letters: z.array(ZLetterSummary), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last.") })
  .meta({ id: "LetterList" });

export const ZDomainTotal = z.object({ domain: z.string(), total: ZCount }).meta({ id: "DomainTotal" });
export const ZTeamTotal = z.object({ team: z.string(), total: ZCount }).meta({
  id: "TeamTotal",
  description: "A team as the letter lists it, or as signers typed it in lower case (teams are matched regardless of case and spacing).",
});
export const ZDayTotal = z.object({ day: z.iso.date(), total: ZCount }).meta({ id: "DayTotal", description: "Signatures confirmed on a UTC day." });

export const ZVerification = z.enum(["email", "organiser"]).meta({
  id: "Verification",
  description:
    "How the signature was verified: `email`, by a link sent to an address at the domain; `organiser`, by the letter's organisers checking the signer's proof of employment (no address involved).",
});

export const ZLetterDetail = z
  .object({
    ...ZLetterSummary.shape,
    body: z.string().describe("Markdown."),
    listed: z
      .boolean()
      .describe(
        "false while the letter is unlisted (a quiet launch): open to anyone with its link, but left out of every list (`GET /letters` included), search, the sitemap and the site feed, and marked noindex, until its organisers make it public.",
      ),
    closesAt: ZTimestamp.nullable(),
    closedAt: ZTimestamp.nullable(),
    demands: z.array(z.object({ text: z.string(), status: z.enum(["OPEN", "PARTLY_MET", "MET", "REFUSED"]) })),
    timeline: z
      .array(
        z.object({
          kind: z.enum(["PUBLISHED", "DELIVERED", "RESPONSE", "DEMAND_CHANGE", "VICTORY", "NOTE", "MADE_PUBLIC"]),
          body: z.string(),
          occurredAt: ZTimestamp,
          respondBy: z.iso.date().nullable().describe("A day (UTC) by which the addressee promised to answer, as the organisers reported it."),
        }),
      )
      .describe("Newest first."),
    domainPolicy: z.object({
      openToAnyDomain: z.boolean(),
      domains: z.array(z.object({ domain: z.string(), includeSubdomains: z.boolean() })),
    }),
    byDomain: z
      .array(ZDomainTotal)
      .describe("Largest first. Only domains with at least MIN_PUBLIC_GROUP signatures (5 unless the site sets another); the rest are in `otherDomains`."),
    otherDomains: ZCount.describe("Signatures at domains too small to name, together (never fewer than MIN_PUBLIC_GROUP unless 0)."),
    byTeam: z
      .array(ZTeamTotal)
      .describe(
        "Largest first. Only teams with at least MIN_PUBLIC_GROUP signatures; the rest are in `otherTeams`. Empty when the letter does not ask for a team. Signers who gave no team are in no team. An anonymous signer's team counts here and is never shown beside their signature.",
      ),
    otherTeams: ZCount.describe(
      "Signatures at teams too small to name, together (on a letter with a list of teams, never fewer than MIN_PUBLIC_GROUP unless 0).",
    ),
    byVerification: z
      .object({ email: ZCount, organiser: ZCount })
      .describe("The total split by how signatures were verified (see Verification); the two add up to `total`."),
    daily: z
      .array(ZDayTotal)
      .describe("Oldest first; days without confirmations are left out. Empty while the letter has fewer than MIN_PUBLIC_GROUP signatures."),
    countsUpdatedAt: ZTimestamp.nullable(),
    nameThresholds: z
      .array(z.object({ threshold: ZCount, waiting: ZCount }))
      .describe(
        'What a signer may choose besides showing or hiding their name: { "nameAt": threshold } shows it once that many people at their domain have signed. `waiting`: confirmed signatures whose name waits for it. Empty when the letter offers no threshold, or shows no names.',
      ),
    namesHeldUntilDelivery: z
      .boolean()
      .describe(
        "True while the organisers hold every signer's name until the letter is delivered: until then each signature is listed as anonymous. Posting the Delivered update publishes the names of the signers who chose to show theirs.",
      ),
    links: z.object({
      count: z.url(),
      signatures: z.url(),
      badge: z.url(),
      image: z.url(),
      feed: z.url().describe("Atom feed of the timeline."),
      calendar: z.url().describe("iCalendar: closing date and promised answer dates."),
    }),
  })
  .meta({ id: "LetterDetail" });

export const ZPublicSignature = z
  .object({
    name: z.string().nullable().describe('null when the signer chose to appear as "Anonymous · verified @domain".'),
    jobTitle: z.string().nullable(),
    team: z.string().nullable(),
    domain: z
      .string()
      .nullable()
      .describe(
        "The verified domain of the signer's work address (never the address). null for an anonymous signer whose domain has fewer than MIN_PUBLIC_GROUP signatures on a letter several domains may sign.",
      ),
    comment: z.string().nullable(),
    confirmedAt: ZTimestamp,
    verification: ZVerification,
  })
  .meta({ id: "PublicSignature" });

export const ZSignatureList = z
  .object({ signatures: z.array(ZPublicSignature).describe("Newest first."), nextCursor: z.string().nullable() })
  .meta({ id: "SignatureList" });

export const ZLetterCount = z
  .object({
    total: ZCount,
    byDomain: z.record(z.string(), ZCount).describe("Verified signatures per domain, largest first; only domains with at least MIN_PUBLIC_GROUP signatures."),
    otherDomains: ZCount.describe("Signatures at domains too small to name, together."),
    updatedAt: ZTimestamp.nullable().describe("When the count last changed."),
  })
  .meta({ id: "LetterCount" });

export const ZSignatureAccepted = z
  .object({ status: z.literal("pending").describe("Counted once confirmed from the emailed link; the same answer whether or not the address had signed.") })
  .meta({ id: "SignatureAccepted" });

export const ZConfirmationRequest = z.object({ token: z.string().min(1).max(200).describe("The token from the confirmation link in the email.") });

export const ZConfirmationResult = z
  .object({
    status: z.enum(["confirmed", "already-confirmed"]).describe("Confirming twice is harmless and counts once."),
    letter: z.object({ slug: z.string(), title: z.string() }),
    receiptUrl: z
      .url()
      .optional()
      .describe(
        "Only when this request confirmed the signature: the signer's private receipt page (see their signature, change whether their name shows, withdraw). Shown once and never emailed; give it to the signer alone.",
      ),
  })
  .meta({ id: "ConfirmationResult" });

export type TConfirmationResult = z.infer<typeof ZConfirmationResult>;
export type TLetterSummaryBody = z.infer<typeof ZLetterSummary>;
export type TLetterList = z.infer<typeof ZLetterList>;
export type TLetterDetail = z.infer<typeof ZLetterDetail>;
export type TSignatureList = z.infer<typeof ZSignatureList>;
export type TLetterCountBody = z.infer<typeof ZLetterCount>;
