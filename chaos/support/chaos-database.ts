import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient, type TDb } from "@/lib/db/prisma";
import { seedDemoLetter } from "@/lib/letters/seed-demo-letter";

export type TChaosDatabase = {
  url: string;
  /** A client of the scenario's own, for setting up and for checking what the app left. */
  db: TDb;
  /** Stops the postmaster (fast shutdown: sessions are cut, as in a real restart). */
  stop(): Promise<void>;
  /** Starts it again on the same data folder and port. */
  start(): Promise<void>;
  /** Stops it and deletes its data folder. */
  remove(): Promise<void>;
};

/**
 * A PostgreSQL of the scenario's own (embedded-postgres, its own port and data folder), migrated
 * and seeded with the demo letter: a scenario may stop and start it without touching the shared
 * server other engineers' tests use.
 */
export async function startChaosDatabase(port: number): Promise<TChaosDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "undersigned-chaos-"));
  let server: TEmbeddedPostgres | undefined = await startEmbeddedPostgres({ dataDir, port });
  const url = server.url;
  await applyMigrations(url, path.resolve("prisma/migrations"));
  const db = createPrismaClient(url, { poolSize: 4 });
  await seedDemoLetter(db);
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  return {
    url,
    db,
    stop,
    async start() {
      server = await startEmbeddedPostgres({ dataDir, port });
    },
    async remove() {
      await db.$disconnect().catch(() => {});
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
