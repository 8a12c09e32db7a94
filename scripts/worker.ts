/**
 * `npm run worker`: delivers the email outbox and folds counts, for deployments that run
 * web processes with BACKGROUND_JOBS=off. Safe to run next to in-process jobs, or several times.
 */
import { prepareDatabase } from "@/lib/db/prepare-database";
import { createPrismaClient } from "@/lib/db/prisma";
import { startBackgroundJobs } from "@/lib/jobs/background-jobs";
import { loadDotEnv, parseLauncherEnv } from "./launcher-env";

loadDotEnv(process.cwd());
const env = parseLauncherEnv(process.env.NODE_ENV === "production" ? "production" : "development");
const database = await prepareDatabase({ env, projectRoot: process.cwd() });
const db = createPrismaClient(database.url, { poolSize: env.DATABASE_POOL_SIZE });
const jobs = startBackgroundJobs(db, env, { log: (message) => console.error(message) });
console.log("[undersigned] Worker running: email delivery and count folding. Ctrl-C stops it.");
// The jobs' timers do not keep a process alive on their own (so tests and web servers can exit);
// this process exists for them, so it holds itself open until a signal stops it.
const keepAlive = setInterval(() => {}, 1 << 30);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.once(signal, async () => {
    clearInterval(keepAlive);
    await jobs.stop();
    await db.$disconnect();
    await database.stop();
    process.exit(0);
  });
}
