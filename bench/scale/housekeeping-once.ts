import type { TDb } from "@/lib/db/prisma";
import { housekeepingTasks, runHousekeeping } from "@/lib/jobs/housekeeping";

/** One housekeeping run, as lib/jobs/background-jobs.ts runs it; throws if any task failed, so the figure says so. */
export async function housekeepingOnce(db: TDb, now: Date, retentionDays: number): Promise<void> {
  const run = await runHousekeeping(db, now, housekeepingTasks(retentionDays), () => undefined);
  if (run.failed.length > 0)
    throw new Error(run.failed.map(({ task, error }) => `${task}: ${error instanceof Error ? error.message : String(error)}`).join("; "));
}
