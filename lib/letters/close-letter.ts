import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import type { TDb, Prisma } from "@/lib/db/prisma";
import { lockLetterStatus, transitionLetter } from "./transition-letter";

async function close(tx: Prisma.TransactionClient, letterId: string, actorId: string | null, now: Date, why: string): Promise<void> {
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
    await db.$transaction((tx) => close(tx, letter.id, actor.userId, now, "The organisers closed the letter to new signatures."));
  },
});

export const CLOSE_BATCH = 100;

/**
 * Closes every open letter whose closing date has passed: a job, safe to run anywhere at once
 * (each letter is closed under its row lock, and a letter already closed is skipped). Signing
 * refuses a letter past its closing date already; this makes its state say so too.
 */
export async function closeDueLetters(db: TDb, now: Date): Promise<number> {
  const due = await db.letter.findMany({ where: { status: "OPEN", closesAt: { lte: now } }, select: { id: true }, take: CLOSE_BATCH });
  let closed = 0;
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      // Closed by hand meanwhile: nothing left to do (close() would refuse the transition).
      if ((await lockLetterStatus(tx, id)) !== "OPEN") return;
      await close(tx, id, null, now, "The letter reached its closing date and no longer accepts signatures.");
      closed += 1;
    });
  }
  return closed;
}
