/**
 * Runs once when a server process starts. Validating the configuration here makes a
 * misconfigured production instance exit at start, naming the missing setting, instead of
 * failing on its first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { exitOnInvalidConfig } = await import("@/lib/config/exit-on-invalid-config");
    exitOnInvalidConfig();
  }
}
