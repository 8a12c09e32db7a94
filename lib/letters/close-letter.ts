import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/db/prisma";
import { transitionLetter } from "./transition-letter";

/** Closes the letter in `tx`: its state, a note on its timeline, the activity log. The caller holds the letter's row lock. */
export async function closeInTransaction(tx: Prisma.TransactionClient, letterId: string, actorId: string | null, now: Date, why: string): Promise<void> {
  await transitionLetter(tx, letterId, "close", { closedAt: now });
  await tx.statusUpdate.create({ data: { letterId, kind: "NOTE", body: why, occurredAt: now, authorId: actorId } });
  await recordActivity(tx, { letterId, actorId, action: "letter.closed", detail: { automatic: actorId === null }, at: now });
}

export const CONFIRM_CLOSE = "close";

/**
 * Closes an open letter to signatures by hand. Its total is final from here on, so, like
 * deletion, it takes a second, deliberate step: the owner ticks a confirmation box (which works
 * without JavaScript, unlike a browser dialog).
 */
export const closeLetter = defineLetterAction({
  name: "closeLetter",
  requires: "OWNER",
  input: z.object({ confirm: z.string().optional() }),
  async run({ db, now, actor, letter }, { confirm }) {
    if (confirm !== CONFIRM_CLOSE) {
      throw new AppError("INVALID_INPUT", { fields: { confirm: ["Tick the box to confirm that closing is final."] } });
    }
    await db.$transaction((tx) => closeInTransaction(tx, letter.id, actor.userId, now, "The organisers closed the letter to new signatures."));
  },
});
