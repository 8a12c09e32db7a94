import { afterAll, inject } from "vitest";
import { createPrismaClient, type TDb } from "@/lib/db/prisma";

/**
 * A Prisma client on this run's throwaway database, closed after the file's tests. Call it
 * at the top level of a test file.
 */
export function connectTestDb(): TDb {
  const db = createPrismaClient(inject("databaseUrl"), { poolSize: 5 });
  afterAll(() => db.$disconnect());
  return db;
}

/** Empties every application table (the migration bookkeeping stays) so a test starts clean. */
export async function resetDatabase(db: TDb): Promise<void> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"public"."${tablename}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}
