import nextEnv from "@next/env";
import { parseEnv, type TEnv } from "@/lib/config/env";

/** Loads `.env` files the way Next does, so scripts and the app see the same settings. */
export function loadDotEnv(projectRoot: string, dev = false): void {
  nextEnv.loadEnvConfig(projectRoot, dev, { info: () => {}, error: console.error });
}

/**
 * The configuration as the launcher and the command-line scripts see it: without DATABASE_URL
 * they will run the embedded database, which makes this a local run whatever NODE_ENV says.
 */
export function parseLauncherEnv(nodeEnv: TEnv["NODE_ENV"] = "development"): TEnv {
  const embedded = !process.env.DATABASE_URL;
  return parseEnv({ ...process.env, NODE_ENV: nodeEnv, UNDERSIGNED_EMBEDDED_DB: embedded ? "true" : "false" });
}
