/**
 * `npm run db:diff`: prints the SQL that would bring a database migrated with
 * `prisma/migrations` up to `prisma/schema.prisma`.
 * `npm run db:diff -- --create <name>`: saves that SQL as a new migration instead.
 *
 * Stands in for `prisma migrate diff` / `prisma migrate dev --create-only`, which need a native
 * engine that cannot be downloaded here.
 */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { diffMigrationsToSchema, MIGRATION_LOCKFILE_CONTENT } from "./schema-diff";

// The same locations as prisma.config.ts, resolved from this file so the command works from
// any working directory.
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
const migrationsDir = path.join(projectRoot, "prisma", "migrations");

const USAGE = `Usage: npm run db:diff [-- --create <name>]

Without options, prints the SQL that takes a database migrated with prisma/migrations to
prisma/schema.prisma. With --create, writes it to prisma/migrations/<timestamp>_<name>/migration.sql.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values } = parseCommandLine(argv);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const name = values.create === undefined ? undefined : migrationName(values.create);

  const diff = await diffMigrationsToSchema({ schemaPath, migrationsDir });
  if (name === undefined) {
    process.stdout.write(diff.isEmpty ? "-- No difference: the migrations match prisma/schema.prisma.\n" : diff.sql);
    return;
  }
  if (diff.isEmpty) {
    throw new Error("nothing to create: the migrations already match prisma/schema.prisma.");
  }
  console.log(path.relative(process.cwd(), await writeMigration(name, diff.sql)));
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { create: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `Add signer.Email` → `add_signer_email`: folder names that read well and sort predictably. */
function migrationName(raw: string): string {
  const name = raw
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    // `_prisma_migrations.migration_name` is VARCHAR(255), and the timestamp takes 15 more.
    .slice(0, 200)
    .replace(/_+$/, "");
  if (name === "") throw new UsageError(`--create needs a name made of letters or digits, not ${JSON.stringify(raw)}`);
  return name;
}

/** `YYYYMMDDHHMMSS` in UTC, the prefix `prisma migrate dev` gives its folders. */
function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function writeMigration(name: string, sql: string): Promise<string> {
  const folder = `${migrationTimestamp(new Date())}_${name}`;
  await mkdir(migrationsDir, { recursive: true });
  const existing = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const last = existing.at(-1);
  // Migrations are applied in name order. A folder sorting before an existing one would run
  // before it on fresh databases but after it on databases already migrated, so the two would
  // end up built differently.
  if (last !== undefined && last >= folder) {
    throw new Error(`${folder} would not sort after the existing migration ${last}; wait a second or fix the clock.`);
  }

  const target = path.join(migrationsDir, folder);
  await mkdir(target);
  const file = path.join(target, "migration.sql");
  await writeFile(file, sql, { flag: "wx" });
  // `prisma migrate dev` creates the lockfile with the first migration; so do we.
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), MIGRATION_LOCKFILE_CONTENT, { flag: "wx" }).catch((error: unknown) => {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  });
  return file;
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`db:diff: ${message}`);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exitCode = 1;
}
