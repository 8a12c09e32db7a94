import { createHash } from "node:crypto";
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { applyMigrations, readMigrations } from "./migrate";
import { queryRows } from "@/tests/support/pg";
import { createThrowawayDatabase, type TThrowawayDatabase } from "@/tests/support/throwaway-database";

const MIGRATIONS = path.resolve("prisma/migrations");

describe("applyMigrations", () => {
  let database: TThrowawayDatabase;
  let workDir: string;

  beforeEach(async () => {
    database = await createThrowawayDatabase("undersigned_migrate", inject("serverUrl"));
    workDir = await mkdtemp(path.join(os.tmpdir(), "undersigned-migrations-"));
  });
  afterEach(async () => {
    await database.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it("applies every migration once, with the bookkeeping Prisma's own deploy expects", async () => {
    const expected = await readMigrations(MIGRATIONS);
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(database.url, MIGRATIONS)).toEqual(expected.map((m) => m.name));
    expect(await applyMigrations(database.url, MIGRATIONS)).toEqual([]);

    const rows = await queryRows<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      database.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    for (const [index, migration] of expected.entries()) {
      const bytes = await readFile(path.join(MIGRATIONS, migration.name, "migration.sql"));
      expect(rows[index]).toMatchObject({
        migration_name: migration.name,
        checksum: createHash("sha256").update(bytes).digest("hex"),
        applied_steps_count: 1,
      });
      expect(rows[index]?.finished_at).toBeInstanceOf(Date);
    }
    const tables = await queryRows<{ tablename: string }>(database.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["Letter", "Signature", "OutboxEmail", "User"]));
  });

  it("lets two deployers race without applying anything twice", async () => {
    const results = await Promise.all([applyMigrations(database.url, MIGRATIONS), applyMigrations(database.url, MIGRATIONS)]);
    const all = (await readMigrations(MIGRATIONS)).map((m) => m.name);
    expect(results.flat().sort()).toEqual(all);
    const rows = await queryRows(database.url, `SELECT 1 FROM "_prisma_migrations"`);
    expect(rows).toHaveLength(all.length);
  });

  it("rolls a failing migration back completely, records why, and retries it once fixed", async () => {
    await cp(MIGRATIONS, workDir, { recursive: true });
    const broken = path.join(workDir, "99999999999999_broken");
    await mkdir(broken);
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n`);

    await expect(applyMigrations(database.url, workDir)).rejects.toThrow(/99999999999999_broken failed and was rolled back/);
    expect(await queryRows(database.url, `SELECT 1 FROM pg_tables WHERE tablename = 'Half'`)).toHaveLength(0);
    const [failed] = await queryRows<{ logs: string; rolled_back_at: Date | null }>(
      database.url,
      `SELECT logs, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`,
    );
    expect(failed?.logs).toMatch(/no_such_function/);
    expect(failed?.rolled_back_at).toBeInstanceOf(Date);

    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id int);\n`);
    expect(await applyMigrations(database.url, workDir)).toEqual(["99999999999999_broken"]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    await cp(MIGRATIONS, workDir, { recursive: true });
    await applyMigrations(database.url, workDir);
    const [first] = await readMigrations(workDir);
    await writeFile(path.join(workDir, first!.name, "migration.sql"), `${first!.sql}\n-- an afterthought\n`);
    await expect(applyMigrations(database.url, workDir)).rejects.toThrow(/was edited after it was applied/);
  });
});
