import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { uncountEnded } from "@/lib/signatures/lifecycle";
import { ZInvalidationReason } from "./invalidation-reason";
import { signatureNotOnLetter, ZSignatureId } from "./signature-ref";

export const ZInvalidateSignature = z.object({ signatureId: ZSignatureId, reason: ZInvalidationReason });

export type TInvalidateOutcome = { outcome: "invalidated" | "already-invalidated"; wasCounted: boolean };

/**
 * Ends one signature an organiser judges not genuine: it stops counting and leaves the public
 * list, and the signer cannot sign again with that address (create-signature refuses silently).
 * Any editor may: it is a single, recorded, explained act, like hiding a name.
 */
export const invalidateSignature = defineLetterAction({
  name: "signature.invalidate",
  requires: "EDITOR",
  input: ZInvalidateSignature,
  async run({ db, now, actor, letter }, { signatureId, reason }): Promise<TInvalidateOutcome> {
    return db.$transaction(async (tx) => {
      // Under a row lock, as in withdrawSignature: a confirmation racing this must not slip
      // between the state we decide on and the state we write, or the count would be off by one.
      const [current] = await tx.$queryRaw<{ state: string; domain: string; confirmedAt: Date | null }[]>`
        SELECT state::text AS state, domain, "confirmedAt" FROM "Signature"
        WHERE id = ${signatureId}::uuid AND "letterId" = ${letter.id}::uuid FOR UPDATE`;
      if (!current) throw signatureNotOnLetter();
      if (current.state === "INVALIDATED") return { outcome: "already-invalidated", wasCounted: false };
      if (current.state !== "PENDING" && current.state !== "CONFIRMED") {
        throw new AppError("INVALID_TRANSITION", { message: "This signature was withdrawn by its signer; it no longer counts." });
      }
      await tx.signature.update({ where: { id: signatureId }, data: { state: "INVALIDATED", invalidationReason: reason, endedAt: now } });
      // Every link still in the signer's inbox goes dead, so a confirm link cannot revive it.
      await tx.signatureToken.updateMany({ where: { signatureId, usedAt: null }, data: { usedAt: now } });
      const wasCounted = await uncountEnded(tx, { letterId: letter.id, domain: current.domain, state: current.state, confirmedAt: current.confirmedAt });
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "signature.invalidated",
        detail: { signatureId, domain: current.domain, reason, previousState: current.state },
        at: now,
      });
      return { outcome: "invalidated", wasCounted };
    });
  },
});
