/**
 * Playwright's web server: creates the run's throwaway database, migrates it and seeds the
 * demo letter (as a fresh install would have it), builds the app if the build is stale, then
 * serves the production build. Playwright stops it; the global teardown drops the database.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDemoLetter } from "@/lib/letters/seed-demo-letter";
import { withPgClient } from "@/tests/support/pg";
import { dropDatabase, TEST_SERVER_URL } from "@/tests/support/throwaway-database";
import { isBuildStale } from "@/scripts/build-freshness";
import { productionServerArgs } from "@/scripts/launch";

const name = process.env.E2E_DATABASE_NAME;
const url = process.env.DATABASE_URL;
if (!name || !url) throw new Error("Run through Playwright: E2E_DATABASE_NAME and DATABASE_URL come from playwright.config.ts.");

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
const server = spawn(process.execPath, productionServerArgs(process.env.PORT ?? 3000), { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
