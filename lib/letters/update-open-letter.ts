import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { ZOpenLetterSettings } from "./letter-input";
import { claimLetterVersion, withLetterVersion } from "./letter-version";

/** Moves an open letter's goal or closing date: the target may change, the words may not. */
export const updateOpenLetter = defineLetterAction({
  name: "updateOpenLetter",
  requires: "EDITOR",
  input: withLetterVersion(ZOpenLetterSettings),
  async run({ db, now, actor, letter }, { version, ...settings }) {
    if (settings.closesAt && settings.closesAt <= now) {
      throw new AppError("INVALID_INPUT", { fields: { closesAt: ["Choose a closing date in the future, or close the letter now."] } });
    }
    return db.$transaction(async (tx) => {
      const saved = await claimLetterVersion(tx, letter.id, version);
      const updated = await tx.letter.updateMany({ where: { id: letter.id, status: "OPEN" }, data: settings });
      if (updated.count === 0) throw new AppError("INVALID_TRANSITION", { message: "Only an open letter's goal and closing date can change." });
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "letter.edited",
        detail: { goal: settings.goal, closesAt: settings.closesAt?.toISOString() ?? null },
        at: now,
      });
      return { version: saved };
    });
  },
});
