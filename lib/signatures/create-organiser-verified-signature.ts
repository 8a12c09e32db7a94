import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { describeAllowedDomains, isDomainAllowed, parseDomainName } from "@/lib/letters/domain-policy";
import { SIGNING_POLICY_SELECT } from "@/lib/letters/signing-policy";
import { ZSlug } from "@/lib/letters/slug";
import { takesSignatures } from "@/lib/letters/lifecycle";
import { signerTeam } from "@/lib/teams/team-name";
import { ZOrganiserClaimInput } from "./organiser-claim-input";
import { appearanceFor, displayChoice } from "./signature-input";
import { generateOrganiserCode, hashOrganiserCode, ORGANISER_CODE_TTL_MS } from "./organiser-code";
import { newReceipt } from "./receipt/issue-receipt";
import type { TSigningLimits } from "./sign-letter";

export type TCreateOrganiserVerifiedDeps = {
  db: TDb;
  now: Date;
  /** Key of the code's keyed hash (the server's EMAIL_HMAC_KEY). */
  codeKey: string;
  limits: TSigningLimits;
  /** The submitting client's key (hashClientIp), kept for moderators to spot floods. */
  clientKey: string;
  /** The client's own per-minute limit, when configured (RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS). */
  clientPerMinute?: number;
};

export type TOrganiserClaim = {
  /** Canonical code: shown once, on the signer's screen; only its keyed hash is stored. */
  code: string;
  expiresAt: Date;
  instructions: string;
  signatureId: string;
  /** The signer's private receipt token (issue 14 §1), shown with the code and never again. */
  receipt: string;
  letter: { slug: string; title: string };
};

/**
 * The path for signers who will not receive mail at work (issue 14 §3): a pending signature that
 * claims a domain, and a one-off code the signer shows the organisers, who verify it by hand.
 * No address is asked or kept, so nothing deduplicates these signatures but the organisers'
 * check; the same flood limits as the ordinary form apply. A letter must have opted in.
 */
export async function createOrganiserVerifiedSignature(deps: TCreateOrganiserVerifiedDeps, letterSlug: string, rawInput: unknown): Promise<TOrganiserClaim> {
  const { db, now } = deps;
  if (!ZSlug.safeParse(letterSlug).success) throw new AppError("LETTER_NOT_FOUND");
  // The form's per-client and per-letter limits, in the same one round trip (no address: no email is sent).
  const decision = await deps.limits.consumeSigning({ clientKey: deps.clientKey, clientPerMinute: deps.clientPerMinute, letterSlug });
  if (!decision.allowed) throw new AppError("RATE_LIMITED", { retryAfterSeconds: decision.retryAfterSeconds });
  const parsed = ZOrganiserClaimInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { fields: z.flattenError(parsed.error).fieldErrors });
  const input = parsed.data;

  const letter = await db.letter.findUnique({
    where: { slug: letterSlug },
    // What ordinary signing reads of a letter, plus what this path needs.
    select: { ...SIGNING_POLICY_SELECT, slug: true, title: true, organiserVerification: true, organiserVerificationInstructions: true },
  });
  if (!letter || letter.status === "DRAFT" || letter.status === "IN_REVIEW") throw new AppError("LETTER_NOT_FOUND");
  if (!takesSignatures(letter, now)) throw new AppError("LETTER_NOT_OPEN");
  if (!letter.organiserVerification) {
    throw new AppError("INVALID_TRANSITION", { message: "This letter's signatures are verified by email only." });
  }

  const domain = parseDomainName(input.domain.toLowerCase().replace(/^@/, ""));
  const policy = { openToAnyDomain: letter.openToAnyDomain, rules: letter.domainRules };
  if (domain === null || !isDomainAllowed(domain, policy)) {
    const message = domain === null ? "Enter a domain such as microsoft.com." : `This letter is open to ${describeAllowedDomains(policy)} only.`;
    throw new AppError("DOMAIN_NOT_ALLOWED", { message, fields: { domain: [message] } });
  }

  const team = signerTeam(letter, input.team);
  // The threshold counts every confirmed signature at the claimed domain, this one once an organiser verifies it.
  const appearance = appearanceFor(letter, displayChoice(input));
  const code = generateOrganiserCode();
  const expiresAt = new Date(now.getTime() + ORGANISER_CODE_TTL_MS);
  const id = randomUUID();
  // The receipt comes with the claim, not with the verification: the signer never comes back
  // through a link of ours, so this screen is the only place to hand it over.
  const { token: receipt, receiptHash } = newReceipt();
  // One nested write, so one transaction: the claim and its code exist together or not at all.
  await db.signature.create({
    data: {
      id,
      letterId: letter.id,
      // No address: a key that can never collide with an address's HMAC, as for withdrawn rows.
      emailKey: `organiser:${id}`,
      domain,
      displayName: input.name,
      jobTitle: letter.collectJobTitle ? (input.title ?? null) : null,
      team,
      comment: letter.allowComments ? (input.comment ?? null) : null,
      ...appearance,
      sourceKey: deps.clientKey,
      verificationMethod: "ORGANISER",
      receiptHash,
      createdAt: now,
      tokens: { create: { tokenHash: hashOrganiserCode(code, deps.codeKey), purpose: "ORGANISER_CODE", expiresAt, createdAt: now } },
    },
    select: { id: true },
  });
  return {
    code,
    expiresAt,
    instructions: letter.organiserVerificationInstructions,
    signatureId: id,
    receipt,
    letter: { slug: letter.slug, title: letter.title },
  };
}
