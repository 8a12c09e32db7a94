/**
 * Runs once when a server process starts. Validating the configuration here makes a
 * misconfigured production instance exit at start, naming the missing setting, instead of
 * failing on its first request. (Next only logs an error thrown here and keeps serving.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { ConfigError, getEnv } = await import("@/lib/config/env");
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[undersigned] ${error.message}`);
    process.exit(1);
  }
}
