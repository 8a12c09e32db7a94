import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { findOrganiserClaim, ZOrganiserCodeField, type TOrganiserClaimRow } from "./find-organiser-claim";
import { listOrganiserVerifiedSigners, type TOrganiserVerifiedSigner } from "./list-organiser-verified-signers";

export type TOrganiserCodeLookup = { claim: Omit<TOrganiserClaimRow, "tokenId">; recentlyVerified: TOrganiserVerifiedSigner[] };

/**
 * An organiser enters a code a signer showed them and sees the claim it stands for (the name,
 * even of a signer who will appear anonymously: telling the organisers who they are is what this
 * path trades, and the form says so), with the names the letter's organisers verified lately:
 * no address ties these signatures together, so the organisers' check is the only duplicate
 * control. Looking changes nothing but the guess count and the activity log.
 */
export const lookUpOrganiserCode = defineLetterAction({
  name: "lookUpOrganiserCode",
  requires: "EDITOR",
  input: z.object({ code: ZOrganiserCodeField }),
  async run(context, { code }): Promise<TOrganiserCodeLookup> {
    const { tokenId: _tokenId, ...claim } = await findOrganiserClaim(context, context.db, code);
    await recordActivity(context.db, {
      letterId: context.letter.id,
      actorId: context.actor.userId,
      action: "organiser-code.looked-up",
      detail: { signatureId: claim.signatureId, domain: claim.domain },
      at: context.now,
    });
    return { claim, recentlyVerified: await listOrganiserVerifiedSigners(context.db, context.letter.id, { limit: 20 }) };
  },
});
