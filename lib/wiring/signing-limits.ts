import "server-only";
import { Redis } from "ioredis";
import pg from "pg";
import { getEnv } from "@/lib/config/env";
import { createSigningRateLimits, type TSigningRateLimits } from "@/lib/security/rate-limits";

const globalForLimits = globalThis as typeof globalThis & { undersignedSigningLimits?: TSigningRateLimits };

/**
 * The process's signing limits: on Redis when REDIS_URL is set, else on a small PostgreSQL pool
 * of their own. That pool's sessions skip waiting for the disk on commit: a per-letter counter
 * is one hot row, and losing a few milliseconds of counts in a crash costs nothing, while
 * waiting for fsync capped it near 1,400 checks a second here.
 */
export function getSigningLimits(): TSigningRateLimits {
  if (!globalForLimits.undersignedSigningLimits) {
    const env = getEnv();
    if (env.REDIS_URL) {
      // No offline queue: while Redis is unreachable a check fails within a moment (a 503, see
      // redisReadiness in rate-limits.ts) instead of piling up requests.
      const redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      redis.on("error", (error) => console.error("[undersigned] rate-limit Redis connection:", error.message));
      globalForLimits.undersignedSigningLimits = createSigningRateLimits({ redis, env });
    } else {
      const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, options: "-c synchronous_commit=off" });
      // An idle connection dropped by the server (a restart) must not crash the process.
      pool.on("error", (error) => console.error("[undersigned] rate-limit pool connection lost", error.message));
      globalForLimits.undersignedSigningLimits = createSigningRateLimits({ pool, env });
    }
  }
  return globalForLimits.undersignedSigningLimits;
}
