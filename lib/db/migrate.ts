import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies `prisma/migrations/<name>/migration.sql` folders in order, keeping Prisma's own
 * bookkeeping table, so `prisma migrate deploy` accepts a database migrated here (and the
 * reverse) on machines where Prisma's native engine is available.
 */

// Prisma's own advisory lock id: two deployers (ours or Prisma's) never migrate at once.
const PRISMA_MIGRATION_LOCK = 72707369;

const CREATE_BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type TMigrationFile = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function readMigrations(migrationsDir: string): Promise<TMigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(migrationsDir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Returns the names of the migrations it applied (empty when the database was up to date). */
export async function applyMigrations(connectionString: string, migrationsDir: string, log: (message: string) => void = () => {}): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATION_LOCK]);
    await client.query(CREATE_BOOKKEEPING);
    const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const live = rows.filter((row) => row.rolled_back_at === null);
    const failed = live.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and left the database half-migrated. ` +
          `Fix the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() ...).`,
      );
    }
    const applied = new Map(live.map((row) => [row.migration_name, row.checksum]));
    for (const [name, checksum] of applied) {
      const local = migrations.find((migration) => migration.name === name);
      if (local && local.checksum !== checksum) {
        throw new MigrationError(
          `Migration ${name} was edited after it was applied. Never edit an applied migration: ` +
            "revert the edit and add a new migration with `npm run db:diff -- --create <name>`.",
        );
      }
    }

    const appliedNow: string[] = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      const id = randomUUID();
      try {
        // PostgreSQL has transactional DDL: the migration and its bookkeeping row commit together,
        // so a crash or a failing statement leaves neither a half-applied schema nor a stale row.
        // (The price: a migration cannot use CREATE INDEX CONCURRENTLY; split such work out.)
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [id, migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        const reason = error instanceof Error ? error.message : String(error);
        // Recorded as rolled back (which it was) so the next run retries once the SQL is fixed.
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, rolled_back_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, now(), 0)`,
          [id, migration.checksum, migration.name, reason],
        );
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
      }
      log(`Applied migration ${migration.name}`);
      appliedNow.push(migration.name);
    }
    return appliedNow;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
