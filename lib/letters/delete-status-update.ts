import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { claimLetterVersion, ZLetterVersion } from "./letter-version";

/** Removes an update posted by mistake. Updates the platform wrote (publishing, closing) stay. */
export const deleteStatusUpdate = defineLetterAction({
  name: "deleteStatusUpdate",
  requires: "EDITOR",
  input: z.object({ updateId: z.uuid(), version: ZLetterVersion }),
  async run({ db, now, actor, letter }, { updateId, version }) {
    return db.$transaction(async (tx) => {
      const saved = await claimLetterVersion(tx, letter.id, version);
      const deleted = await tx.statusUpdate.deleteMany({
        where: { id: updateId, letterId: letter.id, kind: { in: ["DELIVERED", "RESPONSE", "VICTORY", "NOTE"] }, authorId: { not: null } },
      });
      if (deleted.count === 0) throw new AppError("INVALID_INPUT", { message: "That update cannot be removed." });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "status.deleted", at: now });
      return { version: saved };
    });
  },
});
