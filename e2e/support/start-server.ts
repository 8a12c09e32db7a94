/**
 * Playwright's web server: creates the run's throwaway database, migrates it and seeds the
 * demo letter (as a fresh install would have it), builds the app if the build is stale, then
 * serves the production build. Playwright stops it; the global teardown drops the database.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDemoLetter } from "@/lib/letters/seed-demo-letter";
import { withPgClient } from "@/tests/support/pg";
import { dropDatabase, TEST_SERVER_URL } from "@/tests/support/throwaway-database";
import { isBuildStale } from "@/scripts/build-freshness";
import { productionServerArgs } from "@/scripts/launch";
import { serverLogPath } from "./server-log";
import { recordServerPid } from "./stop-server";

const name = process.env.E2E_DATABASE_NAME;
const url = process.env.DATABASE_URL;
if (!name || !url) throw new Error("Run through Playwright: E2E_DATABASE_NAME and DATABASE_URL come from playwright.config.ts.");
await recordServerPid(process.pid);

await dropDatabase(name);
await withPgClient(TEST_SERVER_URL, (admin) => admin.query(`CREATE DATABASE "${name}"`));

await applyMigrations(url, path.resolve("prisma/migrations"));
const db = createPrismaClient(url, { poolSize: 1 });
await seedDemoLetter(db);
await db.$disconnect();

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
if (await isBuildStale(process.cwd())) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, productionServerArgs(process.env.PORT ?? 3000), { stdio: ["inherit", "pipe", "pipe"] });
// Also kept in a file, so specs can check what the server logged while they ran (an unhandled
// rejection answers no request with a 500; the log is the only place it shows).
const log = createWriteStream(serverLogPath());
server.stdout.on("data", (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
server.stderr.on("data", (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
