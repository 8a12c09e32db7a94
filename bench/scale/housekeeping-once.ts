import { deleteExpiredCredentials } from "@/lib/auth/delete-expired-credentials";
import type { Db } from "@/lib/db/prisma";
import { closeDueLetters } from "@/lib/letters/close-letter";
import { anonymiseClosedLetters } from "@/lib/signatures/anonymise-closed-letters";

/** One housekeeping run, as lib/jobs/background-jobs.ts runs it (before: in sequence, stopping at the first failure). */
export async function housekeepingOnce(db: Db, now: Date, retentionDays: number): Promise<void> {
  await deleteExpiredCredentials(db, now);
  await anonymiseClosedLetters(db, now, retentionDays);
  await closeDueLetters(db, now);
}
