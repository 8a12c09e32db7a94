/**
 * The background jobs (email delivery, count folding, housekeeping) of one production web
 * process, in a process of their own, started and supervised by scripts/production-server.ts
 * (BACKGROUND_JOBS=separate-process, the default). So a signing spike's emails, or an SMTP
 * server that is down, cost the process answering requests nothing: rendering, SMTP and the
 * outbox's bookkeeping use another core and their own connections.
 *
 * It listens to its parent over the IPC channel: "kick" delivers the outbox now (a signature
 * was just committed); a closed channel means the parent is gone (even SIGKILLed), and the
 * jobs stop with it, so no orphan keeps working for a server that no longer exists.
 */
import { getEnv } from "@/lib/config/env";
import { createPrismaClient } from "@/lib/db/prisma";
import { startBackgroundJobs } from "@/lib/jobs/background-jobs";

const env = getEnv();
if (!env.DATABASE_URL) throw new Error("the jobs process is handed DATABASE_URL by the production server");
// A few connections: the outbox claims, renders and records; the folds take one at a time.
const db = createPrismaClient(env.DATABASE_URL, { poolSize: 4 });
const jobs = startBackgroundJobs(db, env, { log: (message) => console.error(message) });
const keepAlive = setInterval(() => {}, 1 << 30);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(keepAlive);
  await jobs.stop();
  await db.$disconnect();
  process.exit(0);
}

process.on("message", (message) => {
  if (message === "kick") jobs.outbox.kick();
});
process.on("disconnect", () => void stop());
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
process.send?.("ready");
