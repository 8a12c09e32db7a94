import "server-only";
import pg from "pg";
import { getEnv } from "@/lib/config/env";
import { createSigningRateLimits, type SigningRateLimits } from "@/lib/security/rate-limits";

const globalForLimits = globalThis as typeof globalThis & { undersignedSigningLimits?: SigningRateLimits };

/**
 * The process's signing limits, on a small pool of their own. Its sessions skip waiting for the
 * disk on commit: a per-letter counter is one hot row, and losing a few milliseconds of counts
 * in a crash costs nothing, while waiting for fsync capped it near 1,400 checks a second here.
 */
export function getSigningLimits(): SigningRateLimits {
  if (!globalForLimits.undersignedSigningLimits) {
    const env = getEnv();
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, options: "-c synchronous_commit=off" });
    // An idle connection dropped by the server (a restart) must not crash the process.
    pool.on("error", (error) => console.error("[undersigned] rate-limit pool connection lost", error.message));
    globalForLimits.undersignedSigningLimits = createSigningRateLimits({ pool, env });
  }
  return globalForLimits.undersignedSigningLimits;
}
