import "server-only";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/prisma";
import { startBackgroundJobs, type TBackgroundJobs } from "@/lib/jobs/background-jobs";

const OUTBOX_POOL_SIZE = 2;
const globalForJobs = globalThis as typeof globalThis & {
  undersignedJobs?: TBackgroundJobs;
  /** Set by scripts/production-server.ts when the jobs run in a child process it supervises. */
  undersignedKickJobsProcess?: () => void;
};

/**
 * Starts this web process's background jobs once, unless BACKGROUND_JOBS=off. The production
 * server sets it to `off` for its own Next app when it runs the jobs in a child process (the
 * default, `separate-process`); other servers (`next dev`) run them here.
 */
export function startInProcessJobs(): void {
  if (globalForJobs.undersignedJobs || getEnv().BACKGROUND_JOBS === "off") return;
  // The outbox gets two connections of its own. Between SMTP accepting an email and the row
  // being marked sent, a crash means the email goes out again; in a web process under a signing
  // burst, that UPDATE would otherwise queue for a connection behind every request.
  const db = getDb(); // first: it explains a missing DATABASE_URL
  const outboxDb = createPrismaClient(getEnv().DATABASE_URL ?? "", { poolSize: OUTBOX_POOL_SIZE });
  globalForJobs.undersignedJobs = startBackgroundJobs(db, getEnv(), { outboxDb });
}

/** Delivers queued email now rather than at the next tick, here or in the jobs process. */
export function kickOutbox(): void {
  if (globalForJobs.undersignedJobs) globalForJobs.undersignedJobs.outbox.kick();
  else globalForJobs.undersignedKickJobsProcess?.();
}
