import { deleteExpiredCredentials } from "@/lib/auth/delete-expired-credentials";
import type { TDb } from "@/lib/db/prisma";
import { CLOSE_BATCH, closeDueLetters } from "@/lib/letters/close-due-letters";
import { anonymiseClosedLetters } from "@/lib/signatures/anonymise-closed-letters";
import { deleteExpiredOrganiserClaims, EXPIRED_CLAIMS_BATCH } from "@/lib/signatures/delete-expired-organiser-claims";

/** One housekeeping task: resolves true when it stopped with more waiting (a full batch). */
export type THousekeepingTask = { name: string; run: (db: TDb, now: Date) => Promise<boolean> };

/**
 * The housekeeping tasks, most urgent first: closing letters at their closing date (signing
 * already refuses them; this makes their state and timeline say so), forgetting expired sign-in
 * links, reducing the signer records of letters closed past RETENTION_DAYS, and deleting organiser
 * claims whose code lapsed unverified.
 */
export function housekeepingTasks(retentionDays: number): THousekeepingTask[] {
  return [
    { name: "closing due letters", run: async (db, now) => (await closeDueLetters(db, now)) === CLOSE_BATCH },
    { name: "deleting expired sign-in links", run: async (db, now) => (await deleteExpiredCredentials(db, now), false) },
    { name: "retention", run: async (db, now) => (await anonymiseClosedLetters(db, now, retentionDays), false) },
    { name: "deleting lapsed organiser claims", run: async (db, now) => (await deleteExpiredOrganiserClaims(db, now)) === EXPIRED_CLAIMS_BATCH },
  ];
}

export type THousekeepingRun = { more: boolean; failed: { task: string; error: unknown }[] };

/**
 * Runs every task once, each on its own: one task's failure is logged and the others still run.
 * (A retention run that failed on a huge letter used to abort the whole run, so another letter
 * past its closing date was never closed.) A failed task is simply tried again next run: every
 * task is idempotent and resumable.
 */
export async function runHousekeeping(db: TDb, now: Date, tasks: readonly THousekeepingTask[], log: (message: string) => void): Promise<THousekeepingRun> {
  const run: THousekeepingRun = { more: false, failed: [] };
  for (const task of tasks) {
    try {
      run.more = (await task.run(db, now)) || run.more;
    } catch (error) {
      run.failed.push({ task: task.name, error });
      log(`[undersigned] Housekeeping: ${task.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return run;
}
