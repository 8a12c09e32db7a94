import type { TEnv } from "@/lib/config/env";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import type { TDb } from "@/lib/db/prisma";
import { emailTemplates } from "@/lib/mail/email-templates";
import { startOutboxWorker, type TOutboxWorker } from "@/lib/mail/run-outbox-worker";
import { createMailTransport } from "@/lib/mail/transports";
import { revealDueNames } from "@/lib/signatures/reveal-names";
import { housekeepingTasks, runHousekeeping } from "./housekeeping";
import { startRepeatingJob, type TRepeatingJob } from "./repeating-job";

export type TBackgroundJobs = { outbox: TOutboxWorker; counts: TRepeatingJob; housekeeping: TRepeatingJob; stop(): Promise<void> };

const COUNT_BATCH = 10_000;
const REVEAL_BATCH = 1_000;

/**
 * The jobs every deployment needs: delivering the email outbox, folding count events, and
 * housekeeping (closing letters at their closing date, forgetting expired sign-in links,
 * reducing the signer records of letters closed past RETENTION_DAYS). All are safe to run in
 * every instance at once (outbox rows are claimed with SKIP LOCKED; folds take turns on a lock;
 * housekeeping locks each letter's row or repeats harmlessly), so an instance may run them
 * in-process or leave them to `npm run worker`.
 */
export function startBackgroundJobs(db: TDb, env: TEnv, options: { log?: (message: string) => void; outboxDb?: TDb } = {}): TBackgroundJobs {
  const { log, outboxDb = db } = options;
  const transport = createMailTransport(env);
  const outbox = startOutboxWorker({
    db: outboxDb,
    transport,
    templates: emailTemplates,
    from: env.EMAIL_FROM,
    appUrl: env.APP_URL,
    authSecret: env.AUTH_SECRET,
    log,
  });
  // Twice a second, as the live-count poll (lib/wiring/live-counts.ts): a confirmation reaches
  // every open page within about a second, and still within two under a signing spike (at 1 s
  // each, subscribers waited over two seconds while submissions ran: `npm run bench` measures
  // it, README "Benchmark").
  const counts = startRepeatingJob({
    name: "Count folding",
    intervalMs: 500,
    log,
    work: async () => {
      const folded = await foldCountEvents(db, { batchSize: COUNT_BATCH });
      // Names waiting for their domain to reach a threshold, against the totals just folded.
      const revealed = await revealDueNames(db, { batchSize: REVEAL_BATCH });
      return folded === COUNT_BATCH || revealed === REVEAL_BATCH;
    },
  });
  // Every half minute: a letter closes within 30 s of its closing date (signing refuses it from
  // the second itself; this makes its state and timeline say so).
  const tasks = housekeepingTasks(env.RETENTION_DAYS);
  const housekeeping = startRepeatingJob({
    name: "Housekeeping",
    intervalMs: 30_000,
    log,
    // Each task on its own (housekeeping.ts): one failing never stops the others.
    work: async () => (await runHousekeeping(db, new Date(), tasks, log ?? ((message) => console.error(message)))).more,
  });
  return {
    outbox,
    counts,
    housekeeping,
    async stop() {
      await Promise.all([outbox.stop(), counts.stop(), housekeeping.stop()]);
      await transport.close?.();
    },
  };
}
