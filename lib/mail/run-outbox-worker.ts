import type { Db } from "@/lib/db/prisma";
import { startRepeatingJob } from "@/lib/jobs/repeating-job";
import { DEFAULT_BATCH_SIZE, deliverDueEmails, type TDeliverDueEmailsDeps } from "./deliver-due-emails";

export type TOutboxWorkerOptions = TDeliverDueEmailsDeps & {
  db: Db;
  /** Pause between runs when nothing more is due; 1 s by default. */
  intervalMs?: number;
};

export type OutboxWorker = {
  /** Runs a delivery now (or right after the current one): call after committing a queued email. */
  kick(): void;
  /** Stops the loop, waiting for a delivery in progress to finish. Does not close the transport. */
  stop(): Promise<void>;
};

/**
 * Delivers the outbox in the background of this process: every interval, straight away again
 * while batches come back full, never two deliveries at once, and through database or SMTP
 * outages (logged, then retried). Safe to run in every instance: rows are claimed, not shared.
 */
export function startOutboxWorker(options: TOutboxWorkerOptions): OutboxWorker {
  const { db, intervalMs = 1_000, ...deps } = options;
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  return startRepeatingJob({
    name: "Email delivery",
    intervalMs,
    log: deps.log,
    work: async () => {
      const { sent, failed } = await deliverDueEmails(db, { ...deps, batchSize });
      // A full batch that all failed means the mail server is down: wait for the interval rather
      // than claim (and fail) the whole queue in a tight loop.
      return sent + failed === batchSize && sent > 0;
    },
  });
}
