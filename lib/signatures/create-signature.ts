import { z } from "zod";
import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { describeAllowedDomains, isDomainAllowed } from "@/lib/letters/domain-policy";
import { assertPlainRecipient, enqueueEmail } from "@/lib/mail/enqueue-email";
import { keyedHash } from "@/lib/security/tokens";
import { alreadySignedEmail, confirmSignatureEmail } from "./emails/signature-emails";
import { parseSignerEmail } from "./parse-signer-email";
import { ZSignatureInput } from "./signature-input";

export type TCreateSignatureDeps = {
  db: Db;
  now: Date;
  emailHmacKey: string;
  /** False when this address was emailed for this letter too often lately: we then stay silent. */
  mayEmailAddress: (letterId: string, emailKey: string) => Promise<boolean>;
  /** The submitting client's key (see hashClientIp), kept for moderators to spot floods. */
  sourceKey?: string;
};

/**
 * Records a pending signature and queues its verification email, in one transaction: once the
 * signer sees "check your inbox", neither can be lost. Whether or not the address had signed
 * already, the caller gets the same answer, so the form reveals nothing about who signed.
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

  const letter = await db.letter.findUnique({
    where: { slug: letterSlug },
    select: {
      id: true,
      status: true,
      closesAt: true,
      openToAnyDomain: true,
      collectJobTitle: true,
      collectTeam: true,
      allowComments: true,
      allowPublicNames: true,
      domainRules: { select: { domain: true, includeSubdomains: true } },
    },
  });
  if (!letter || letter.status === "DRAFT" || letter.status === "IN_REVIEW") throw new AppError("LETTER_NOT_FOUND");
  if (letter.status !== "OPEN" || (letter.closesAt && letter.closesAt <= now)) throw new AppError("LETTER_NOT_OPEN");

  const policy = { openToAnyDomain: letter.openToAnyDomain, rules: letter.domainRules };
  if (!isDomainAllowed(email.value.domain, policy)) {
    const message = `This letter can only be signed with an address at ${describeAllowedDomains(policy)}.`;
    throw new AppError("DOMAIN_NOT_ALLOWED", { message, fields: { email: [message] } });
  }

  const emailKey = keyedHash(email.value.dedupeForm, deps.emailHmacKey);
  const details = {
    displayName: input.name,
    jobTitle: letter.collectJobTitle ? (input.title ?? null) : null,
    team: letter.collectTeam ? (input.team ?? null) : null,
    comment: letter.allowComments ? (input.comment ?? null) : null,
    showName: letter.allowPublicNames && !input.anonymous,
    sourceKey: deps.sourceKey ?? null,
  };

  // Asked once, before anything is written: a resubmission must not use up a second email.
  const mayEmail = await deps.mayEmailAddress(letter.id, emailKey);
  if (await insertFirstSignature(db, { letterId: letter.id, emailKey, domain: email.value.domain, address: email.value.address, details, mayEmail })) {
    return { status: "pending" };
  }

  await db.$transaction(async (tx) => {
    const sendIfAllowed = async (template: typeof confirmSignatureEmail, signatureId: string) => {
      if (mayEmail) await enqueueEmail(tx, template, email.value.address, { signatureId });
    };
    const existing = await tx.signature.findUniqueOrThrow({
      where: { letterId_emailKey: { letterId: letter.id, emailKey } },
      select: { id: true, state: true },
    });
    switch (existing.state) {
      case "PENDING":
      case "WITHDRAWN":
        // The latest submission wins (a corrected typo); the confirmation page shows what will
        // be published, so nobody confirms details they did not write.
        await tx.signature.update({ where: { id: existing.id }, data: { ...details, state: "PENDING", endedAt: null } });
        return sendIfAllowed(confirmSignatureEmail, existing.id);
      case "CONFIRMED":
        return sendIfAllowed(alreadySignedEmail, existing.id);
      case "INVALIDATED":
        // Removed by moderators: no email invites another try, and the answer stays the same.
        return;
      default: {
        const unreachable: never = existing.state;
        throw new Error(`Unhandled signature state ${String(unreachable)}`);
      }
    }
  });
  return { status: "pending" };
}

type TSignatureDetails = {
  displayName: string;
  jobTitle: string | null;
  team: string | null;
  comment: string | null;
  showName: boolean;
  sourceKey: string | null;
};

/**
 * The common case, an address signing this letter for the first time, in one statement: the
 * pending row and its confirmation email commit together or not at all, without a transaction's
 * extra round trips (a signing spike is thousands of these a second). ON CONFLICT rather than
 * check-then-insert: fifty simultaneous submissions of one address leave exactly one row, and
 * all but one of them get false here and go on to the already-signed path.
 */
async function insertFirstSignature(
  db: Db,
  row: { letterId: string; emailKey: string; domain: string; address: string; details: TSignatureDetails; mayEmail: boolean },
): Promise<boolean> {
  const { letterId, emailKey, domain, details } = row;
  if (!row.mayEmail) {
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "Signature" ("letterId", "emailKey", "domain", "displayName", "jobTitle", "team", "comment", "showName", "sourceKey")
      VALUES (${letterId}::uuid, ${emailKey}, ${domain}, ${details.displayName}, ${details.jobTitle},
              ${details.team}, ${details.comment}, ${details.showName}, ${details.sourceKey})
      ON CONFLICT ("letterId", "emailKey") DO NOTHING
      RETURNING id`;
    return inserted.length > 0;
  }
  assertPlainRecipient(confirmSignatureEmail, row.address);
  const queued = await db.$queryRaw<{ id: bigint }[]>`
    WITH inserted AS (
      INSERT INTO "Signature" ("letterId", "emailKey", "domain", "displayName", "jobTitle", "team", "comment", "showName", "sourceKey")
      VALUES (${letterId}::uuid, ${emailKey}, ${domain}, ${details.displayName}, ${details.jobTitle},
              ${details.team}, ${details.comment}, ${details.showName}, ${details.sourceKey})
      ON CONFLICT ("letterId", "emailKey") DO NOTHING
      RETURNING id)
    INSERT INTO "OutboxEmail" ("to", "template", "data")
    SELECT ${row.address}, ${confirmSignatureEmail.name}, jsonb_build_object('signatureId', inserted.id) FROM inserted
    RETURNING id`;
  return queued.length > 0;
}
