import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type TDb = PrismaClient;
export { Prisma } from "./generated/client";

/**
 * Builds a Prisma client on the `pg` driver. Server code goes through `getDb()`; scripts and
 * tests call this directly with the URL they were given.
 */
export function createPrismaClient(connectionString: string, options: { poolSize?: number } = {}): TDb {
  const adapter = new PrismaPg({ connectionString, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}
