import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import type { Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";

/** The letter's editor `userId`, with their address, or null when they are not one (an owner is not). */
function findEditor(tx: Prisma.TransactionClient, letterId: string, userId: string) {
  return tx.letterOrganiser.findFirst({ where: { letterId, userId, role: "EDITOR" }, select: { user: { select: { email: true } } } });
}

/** Removes an editor. An owner is never removed this way: ownership moves only by transfer. */
export const removeEditor = defineLetterAction({
  name: "removeEditor",
  requires: "OWNER",
  input: z.object({ userId: z.uuid() }),
  async run({ db, now, actor, letter }, { userId }) {
    await db.$transaction(async (tx) => {
      const editor = await findEditor(tx, letter.id, userId);
      if (!editor) throw new AppError("INVALID_INPUT", { message: "That person is not an editor of this letter." });
      await tx.letterOrganiser.delete({ where: { letterId_userId: { letterId: letter.id, userId } } });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "editor.removed", detail: { email: editor.user.email }, at: now });
    });
  },
});

/**
 * Hands the letter to one of its editors, who becomes its owner; the previous owner stays on as
 * an editor (they can then leave, or be removed by the new owner).
 */
export const transferOwnership = defineLetterAction({
  name: "transferOwnership",
  requires: "OWNER",
  input: z.object({ userId: z.uuid() }),
  async run({ db, now, actor, letter }, { userId }) {
    await db.$transaction(async (tx) => {
      const editor = await findEditor(tx, letter.id, userId);
      if (!editor) throw new AppError("INVALID_INPUT", { fields: { userId: ["Ownership can only go to one of the letter's editors."] } });
      await tx.letterOrganiser.updateMany({ where: { letterId: letter.id, role: "OWNER" }, data: { role: "EDITOR" } });
      await tx.letterOrganiser.update({ where: { letterId_userId: { letterId: letter.id, userId } }, data: { role: "OWNER" } });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "letter.transferred", detail: { to: editor.user.email }, at: now });
    });
  },
});
