import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { OneQueryAtATimeClient } from "./one-query-at-a-time";

export type TDb = PrismaClient;
export { Prisma } from "./generated/client";

/**
 * Builds a Prisma client on the `pg` driver. Server code goes through `getDb()`; scripts and
 * tests call this directly with the URL they were given.
 */
export function createPrismaClient(connectionString: string, options: { poolSize?: number } = {}): TDb {
  // Each pooled connection queues its own queries (one-query-at-a-time.ts).
  const adapter = new PrismaPg({ connectionString, max: options.poolSize ?? 10, Client: OneQueryAtATimeClient });
  return new PrismaClient({ adapter });
}
