import { ConfigError, getEnv } from "./env";

/** Next only logs an error thrown while a server starts and keeps serving; we stop instead. */
export function exitOnInvalidConfig(): void {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[undersigned] ${error.message}`);
    process.exit(1);
  }
}
