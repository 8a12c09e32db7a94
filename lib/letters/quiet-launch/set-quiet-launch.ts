import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { getExactLetterTotal } from "@/lib/counts/get-letter-total";
import { AppError } from "@/lib/errors/app-error";
import { claimLetterVersion, withLetterVersion } from "../letter-version";
import { makePublicByHand } from "./go-public";
import { ZQuietLaunch } from "./quiet-launch-input";
import { countOf, NOUNS } from "@/lib/wording/plural";

/**
 * Chooses whether the letter is listed, or unlisted (open by its link only) until made public by
 * hand or at a number of verified signatures. An owner's decision, like publishing: it decides
 * when the letter, and so its organisers, meet the press.
 *
 * - Before publishing, anything goes.
 * - An open, unlisted letter may change its threshold, or go public (then as by hand).
 * - A public letter stays public: search engines, feed readers and the press may have it already,
 *   so hiding it again would promise a privacy it cannot deliver.
 * - A closed letter's setting is fixed; an unlisted one can still be made public by hand.
 */
export const setQuietLaunch = defineLetterAction({
  name: "setQuietLaunch",
  requires: "OWNER",
  input: withLetterVersion(ZQuietLaunch),
  async run({ db, now, actor, letter }, { version, listed, listAtSignatures }) {
    return db.$transaction(async (tx) => {
      // Also locks the row: a count fold making the letter public waits for this transaction,
      // then sees the threshold it sets (lib/counts/fold-count-events.ts).
      const saved = await claimLetterVersion(tx, letter.id, version);
      const current = await tx.letter.findUniqueOrThrow({ where: { id: letter.id }, select: { status: true, listed: true, listAtSignatures: true } });
      if (current.status === "CLOSED") {
        throw new AppError("INVALID_TRANSITION", { message: "A closed letter's visibility is fixed. An unlisted one can still be made public." });
      }
      const published = current.status === "OPEN";
      if (published && current.listed) {
        if (listed) return { version: saved, listed: true };
        throw new AppError("INVALID_TRANSITION", {
          message: "This letter is public already. It cannot be unlisted again: search engines, feed readers and the press may have it.",
        });
      }
      if (published && listed) {
        await makePublicByHand(tx, { letterId: letter.id, actorId: actor.userId, now });
        return { version: saved + 1, listed: true };
      }
      if (published && listAtSignatures !== null) {
        const total = await getExactLetterTotal(tx, letter.id);
        if (total >= listAtSignatures) {
          throw new AppError("INVALID_INPUT", {
            fields: {
              listAtSignatures: [`The letter has ${countOf(total, NOUNS.verifiedSignature)} already: choose a higher number, or make it public now.`],
            },
          });
        }
      }
      if (current.listed === listed && current.listAtSignatures === listAtSignatures) return { version: saved, listed };
      await tx.letter.update({ where: { id: letter.id }, data: { listed, listAtSignatures } });
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "letter.visibility-changed",
        detail: { listed, listAtSignatures },
        at: now,
      });
      return { version: saved, listed };
    });
  },
});
