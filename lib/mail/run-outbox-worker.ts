import type { TDb } from "@/lib/db/prisma";
import { startRepeatingJob } from "@/lib/jobs/repeating-job";
import { DEFAULT_BATCH_SIZE, deliverDueEmails, type TDeliverDueEmailsDeps } from "./deliver-due-emails";

export type TOutboxWorkerOptions = TDeliverDueEmailsDeps & {
  db: TDb;
  /** Pause between runs when nothing more is due; 1 s by default. */
  intervalMs?: number;
  /** The pause after a run in which nothing got through: first, doubling up to max (2 s to 60 s by default). */
  outagePauseMs?: { first: number; max: number };
};

export type TOutboxWorker = {
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
export function startOutboxWorker(options: TOutboxWorkerOptions): TOutboxWorker {
  const { db, intervalMs = 1_000, outagePauseMs = { first: 2_000, max: 60_000 }, ...deps } = options;
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  // While the mail server is down (a run in which every send failed), the worker does not claim
  // and fail the whole queue once a second, nor answer every new signature's kick with another
  // connection attempt: it pauses (2 s, doubling to a minute) and then tries ONE email. The
  // first that gets through ends the pause, and releaseHeldBackEmails makes everything held
  // back due at once. So an outage costs one connection attempt per pause, whatever the load.
  let pause = 0;
  const job = startRepeatingJob({
    name: "Email delivery",
    intervalMs,
    log: deps.log,
    work: async () => {
      const size = pause > 0 ? 1 : batchSize;
      const { sent, failed } = await deliverDueEmails(db, { ...deps, batchSize: size });
      if (failed > 0 && sent === 0) {
        pause = Math.min(Math.max(outagePauseMs.first, pause * 2), outagePauseMs.max);
        return pause;
      }
      pause = 0;
      return sent + failed === size && sent > 0;
    },
  });
  return {
    kick: () => {
      if (pause === 0) job.kick();
    },
    stop: job.stop,
  };
}
