import path from "node:path";
import type { TEnv } from "@/lib/config/env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { createPrismaClient } from "./prisma";
import { seedDemoLetter } from "@/lib/letters/seed-demo-letter";

export type TPreparedDatabase = {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop: () => Promise<void>;
};

/**
 * Chooses the database for a process that is about to serve or work: the PostgreSQL server
 * at DATABASE_URL, or else the embedded one under EMBEDDED_DB_DIR, which this call starts (or
 * joins, if another local process already runs it), migrates, and gives the demo letter when
 * it holds no letter yet.
 */
export async function prepareDatabase(options: {
  env: TEnv;
  projectRoot: string;
  migrate?: boolean;
  log?: (message: string) => void;
}): Promise<TPreparedDatabase> {
  const { env, projectRoot, log = () => {} } = options;
  const migrationsDir = path.join(projectRoot, "prisma", "migrations");

  // Each message is printed before what it announces, so the output reads in the order things happen.
  if (env.DATABASE_URL) {
    log("Using the PostgreSQL server at DATABASE_URL.");
    if (options.migrate ?? env.MIGRATE_ON_START) await applyMigrations(env.DATABASE_URL, migrationsDir, log);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }

  // PostgreSQL's own log stays out of the app's output; a failed start quotes its last lines.
  log(`Starting the embedded PostgreSQL under ${env.EMBEDDED_DB_DIR}…`);
  const server = await startEmbeddedPostgres({ dataDir: path.resolve(projectRoot, env.EMBEDDED_DB_DIR) });
  try {
    await applyMigrations(server.url, migrationsDir, log);
    const db = createPrismaClient(server.url, { poolSize: 1 });
    try {
      if ((await seedDemoLetter(db, { onlyIntoEmptyDatabase: true })) === "created") log("Seeded the demo letter.");
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url, embedded: true, stop: server.stop };
}
