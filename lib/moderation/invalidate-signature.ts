import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { endSignature } from "@/lib/signatures/end-signature";
import { ZInvalidationReason } from "./invalidation-reason";
import { signatureNotOnLetter, ZSignatureId } from "./signature-ref";

export const ZInvalidateSignature = z.object({ signatureId: ZSignatureId, reason: ZInvalidationReason });

export type TInvalidateOutcome = { outcome: "invalidated" | "already-invalidated"; wasCounted: boolean };

/**
 * Ends one signature an organiser judges not genuine: it stops counting and leaves the public
 * list, and the signer cannot sign again with that address (a new submission gets the usual
 * email, but its confirm link cannot revive an ended signature).
 * Any editor may: it is a single, recorded, explained act, like hiding a name.
 */
export const invalidateSignature = defineLetterAction({
  name: "invalidateSignature",
  requires: "EDITOR",
  input: ZInvalidateSignature,
  async run({ db, now, actor, letter }, { signatureId, reason }): Promise<TInvalidateOutcome> {
    return db.$transaction(async (tx) => {
      const result = await endSignature(tx, { signatureId, letterId: letter.id }, { kind: "invalidated", reason }, now);
      if (!result.ended) {
        if (result.state === null) throw signatureNotOnLetter();
        if (result.state === "INVALIDATED") return { outcome: "already-invalidated", wasCounted: false };
        throw new AppError("INVALID_TRANSITION", { message: "This signature was withdrawn by its signer; it no longer counts." });
      }
      const { domain, previousState, wasCounted } = result;
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "signature.invalidated",
        detail: { signatureId, domain, reason, previousState },
        at: now,
      });
      return { outcome: "invalidated", wasCounted };
    });
  },
});
