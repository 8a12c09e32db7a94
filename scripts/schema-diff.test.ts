import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./schema-diff";

const root = fileURLToPath(new URL("..", import.meta.url));
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");

async function migrationFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

// Each diff boots PGlite in-process: ~6 s for the first database of the process, ~2 s after that.
describe("diffMigrationsToSchema", { timeout: 60_000 }, () => {
  let workDir: string;
  beforeEach(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), "undersigned-schema-diff-"));
  });
  afterEach(() => rm(workDir, { recursive: true, force: true }));

  it("finds prisma/migrations and prisma/schema.prisma in agreement (drift check)", async () => {
    const diff = await diffMigrationsToSchema({ schemaPath, migrationsDir });
    expect(
      diff.isEmpty,
      "prisma/schema.prisma has changes that no migration in prisma/migrations makes. " +
        "Run `npm run db:diff -- --create <name>` to add a migration for them, review it and commit it. " +
        `The missing SQL:\n${diff.sql}`,
    ).toBe(true);
    expect(diff.sql).toBe("");
  });

  it("reports a model and a column that the migrations do not create", async () => {
    const original = await readFile(schemaPath, "utf8");
    const changed =
      original.replace(/^model Letter \{$/m, "model Letter {\n  driftProbe String?") + "\nmodel DriftProbe {\n  id   Int    @id\n  note String\n}\n";
    // Guards the test itself: if the anchor vanished, the column would silently not be added.
    expect(changed).toContain("driftProbe String?");
    const changedSchema = path.join(workDir, "schema.prisma");
    await writeFile(changedSchema, changed);

    const diff = await diffMigrationsToSchema({ schemaPath: changedSchema, migrationsDir });

    expect(diff.isEmpty).toBe(false);
    expect(diff.sql).toContain('CREATE TABLE "DriftProbe"');
    expect(diff.sql).toMatch(/ALTER TABLE "Letter" ADD COLUMN\s+"driftProbe" TEXT/);
  });

  it("reports what the last migration does when that migration is missing", async () => {
    const last = (await migrationFolders(migrationsDir)).at(-1);
    if (last === undefined) throw new Error("prisma/migrations has no migration folders");
    const partialDir = path.join(workDir, "migrations");
    await cp(migrationsDir, partialDir, { recursive: true });
    await rm(path.join(partialDir, last), { recursive: true });

    const diff = await diffMigrationsToSchema({ schemaPath, migrationsDir: partialDir });

    expect(diff.isEmpty).toBe(false);
    expect(diff.sql).toMatch(/^(CREATE|ALTER|DROP) /m);
  });
});
