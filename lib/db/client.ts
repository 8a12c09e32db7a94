import "server-only";
import { createPrismaClient, type TDb } from "./prisma";
import { getEnv } from "@/lib/config/env";

export type { TDb };

const globalForDb = globalThis as typeof globalThis & { undersignedDb?: TDb };

/**
 * The one Prisma client of a server process. Created on first use rather than at import, so
 * that `next build` can import pages without a database; kept on `globalThis` so that dev-mode
 * module reloading does not open a new pool each time.
 */
export function getDb(): TDb {
  if (!globalForDb.undersignedDb) {
    const env = getEnv();
    if (!env.DATABASE_URL) {
      throw new Error(
        "DATABASE_URL is not set. Start the app with `npm start` (it runs an embedded PostgreSQL) " + "or set DATABASE_URL to your PostgreSQL server.",
      );
    }
    globalForDb.undersignedDb = createPrismaClient(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  }
  return globalForDb.undersignedDb;
}
