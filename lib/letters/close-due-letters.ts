import type { TDb } from "@/lib/db/prisma";
import { closeInTransaction } from "./close-letter";
import { lockLetterStatus } from "./transition-letter";

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
      // Closed by hand meanwhile: nothing left to do (closing again would refuse the transition).
      if ((await lockLetterStatus(tx, id)) !== "OPEN") return;
      await closeInTransaction(tx, id, null, now, "The letter reached its closing date and no longer accepts signatures.");
      closed += 1;
    });
  }
  return closed;
}
