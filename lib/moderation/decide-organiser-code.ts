import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction, type TLetterActionContext } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { takesSignatures } from "@/lib/letters/lifecycle";
import { countConfirmation } from "@/lib/signatures/count-confirmation";
import { endSignature } from "@/lib/signatures/end-signature";
import { findOrganiserClaim, ZOrganiserCodeField, type TOrganiserClaimRow } from "./find-organiser-claim";
import { ZInvalidationReason } from "./invalidation-reason";

const alreadyDecided = () => new AppError("TOKEN_USED", { message: "This code has already been used: its claim was verified, rejected or withdrawn." });

/**
 * Spends the code, unless another organiser (or a second click) spent it first or it expired
 * meanwhile: the conditional update is the lock, as for email confirmations.
 */
async function spendCode(tx: Parameters<Parameters<TLetterActionContext["db"]["$transaction"]>[0]>[0], claim: TOrganiserClaimRow, now: Date) {
  const spent = await tx.signatureToken.updateMany({ where: { id: claim.tokenId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count === 0) throw alreadyDecided();
}

/**
 * Verifies a claim: the signature counts from now, by the very rule an email confirmation follows
 * (countConfirmation), and shows as "verified by organisers". Any editor may, like invalidating.
 */
export const verifyOrganiserCode = defineLetterAction({
  name: "verifyOrganiserCode",
  requires: "EDITOR",
  input: z.object({ code: ZOrganiserCodeField }),
  async run(context, { code }): Promise<{ domain: string; anonymous: boolean }> {
    const { db, now, actor, letter } = context;
    const claim = await findOrganiserClaim(context, db, code);
    const current = await db.letter.findUniqueOrThrow({ where: { id: letter.id }, select: { status: true, closesAt: true } });
    if (!takesSignatures(current, now)) throw new AppError("LETTER_NOT_OPEN", { message: "This letter is closed: no signature can be verified any more." });
    await db.$transaction(async (tx) => {
      await spendCode(tx, claim, now);
      if (!(await countConfirmation(tx, { id: claim.signatureId, letterId: letter.id, domain: claim.domain }, now))) throw alreadyDecided();
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "signature.organiser-verified",
        detail: { signatureId: claim.signatureId, domain: claim.domain },
        at: now,
      });
    });
    return { domain: claim.domain, anonymous: claim.anonymous };
  },
});

/** Refuses a claim, with a reason for the co-organisers: it never counts and its code is spent. */
export const rejectOrganiserCode = defineLetterAction({
  name: "rejectOrganiserCode",
  requires: "EDITOR",
  input: z.object({ code: ZOrganiserCodeField, reason: ZInvalidationReason }),
  async run(context, { code, reason }): Promise<{ domain: string }> {
    const { db, now, actor, letter } = context;
    const claim = await findOrganiserClaim(context, db, code);
    await db.$transaction(async (tx) => {
      await spendCode(tx, claim, now);
      // The one way a signature ends (end-signature.ts); a claim whose code was unspent is pending.
      const ended = await endSignature(tx, { signatureId: claim.signatureId, letterId: letter.id }, { kind: "invalidated", reason }, now);
      if (!ended.ended) throw alreadyDecided();
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "signature.organiser-rejected",
        detail: { signatureId: claim.signatureId, domain: claim.domain, reason },
        at: now,
      });
    });
    return { domain: claim.domain };
  },
});
