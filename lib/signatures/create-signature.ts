import { z } from "zod";
import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { describeAllowedDomains, isDomainAllowed } from "@/lib/letters/domain-policy";
import { isPublic, takesSignatures } from "@/lib/letters/lifecycle";
import { loadSigningPolicy, type TSigningPolicyLoader } from "@/lib/letters/signing-policy";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { keyedHash } from "@/lib/security/tokens";
import { signerTeam } from "@/lib/teams/team-name";
import { confirmSignatureEmail } from "./emails/signature-emails";
import { insertFirstSignature } from "./insert-first-signatures";
import { parseSignerEmail } from "./parse-signer-email";
import { appearanceFor, displayChoice, ZSignatureInput } from "./signature-input";
import type { TSignatureProposal } from "./signature-proposal";

export type TCreateSignatureDeps = {
  db: TDb;
  now: Date;
  emailHmacKey: string;
  /** False when this address was emailed for this letter too often lately: we then stay silent. */
  mayEmailAddress: (letterId: string, emailKey: string) => Promise<boolean>;
  /** The submitting client's key (see hashClientIp), kept for moderators to spot floods. */
  sourceKey?: string;
  /** How the letter's signing policy is read; a web process passes one cached for a second (signing-policy.ts). */
  loadPolicy?: TSigningPolicyLoader;
};

/**
 * Records a pending signature and queues its verification email, in one transaction: once the
 * signer sees "check your inbox", neither can be lost. Whether or not the address had signed
 * already, the caller gets the same answer and the address the same email, so neither the form
 * nor the mailbox reveals who signed.
 */
export async function createSignature(deps: TCreateSignatureDeps, letterSlug: string, rawInput: unknown): Promise<{ status: "pending" }> {
  const { db, now } = deps;
  const parsed = ZSignatureInput.safeParse(rawInput);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", { fields: z.flattenError(parsed.error).fieldErrors });
  }
  const input = parsed.data;
  const email = parseSignerEmail(input.email);
  if (!email.ok) {
    throw new AppError("INVALID_INPUT", { fields: { email: ["Enter your work email address, like name@company.com."] } });
  }

  const letter = await (deps.loadPolicy ?? loadSigningPolicy)(db, letterSlug);
  if (!letter || !isPublic(letter.status)) throw new AppError("LETTER_NOT_FOUND");
  if (!takesSignatures(letter, now)) throw new AppError("LETTER_NOT_OPEN");

  const policy = { openToAnyDomain: letter.openToAnyDomain, rules: letter.domainRules };
  if (!isDomainAllowed(email.value.domain, policy)) {
    const message = `This letter can only be signed with an address at ${describeAllowedDomains(policy)}.`;
    throw new AppError("DOMAIN_NOT_ALLOWED", { message, fields: { email: [message] } });
  }

  // A threshold choice starts anonymous: reveal-names.ts shows the name once the domain reaches it.
  const appearance = appearanceFor(letter, displayChoice(input));
  const team = signerTeam(letter, input.team);
  const emailKey = keyedHash(email.value.dedupeForm, deps.emailHmacKey);
  const proposal: TSignatureProposal = {
    displayName: input.name,
    jobTitle: letter.collectJobTitle ? (input.title ?? null) : null,
    team,
    comment: letter.allowComments ? (input.comment ?? null) : null,
    ...appearance,
  };
  const sourceKey = deps.sourceKey ?? null;

  // Asked once, before anything is written: a resubmission must not use up a second email.
  const mayEmail = await deps.mayEmailAddress(letter.id, emailKey);
  if (
    await insertFirstSignature(db, {
      letterId: letter.id,
      emailKey,
      domain: email.value.domain,
      address: email.value.address,
      proposal,
      sourceKey,
      mayEmail,
      now,
    })
  ) {
    return { status: "pending" };
  }

  await db.$transaction(async (tx) => {
    const existing = await tx.signature.findUnique({
      where: { letterId_emailKey: { letterId: letter.id, emailKey } },
      select: { id: true, state: true },
    });
    // Nothing inserted and nothing there: the INSERT found the letter no longer open (closed
    // within the second the policy is cached for).
    if (!existing) throw new AppError("LETTER_NOT_OPEN");
    switch (existing.state) {
      case "WITHDRAWN":
        // Only rows withdrawn before withdrawal erased the address key reach this: the row is
        // emptied, so it starts afresh like a new signature.
        await tx.signature.update({ where: { id: existing.id }, data: { ...proposal, sourceKey, state: "PENDING", endedAt: null } });
        break;
      case "PENDING":
      case "CONFIRMED":
      case "INVALIDATED":
        // Nothing stored changes: the proposal travels with this submission's email, and only
        // pressing its link can apply it, to a pending signature (confirm-signature.ts).
        break;
      default: {
        const unreachable: never = existing.state;
        throw new Error(`Unhandled signature state ${String(unreachable)}`);
      }
    }
    // The same email whatever the state (see emails/signature-emails.ts): the mailbox must not
    // tell whoever reads it whether this address had signed.
    if (mayEmail) await enqueueEmail(tx, confirmSignatureEmail, email.value.address, { signatureId: existing.id, proposal });
  });
  return { status: "pending" };
}
