import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { createThrowawayDatabase, TEST_SERVER_URL } from "./throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated throwaway database this run's integration tests use. */
    databaseUrl: string;
    /** A maintenance database on the same server, for tests that need databases of their own. */
    serverUrl: string;
    databaseKind: "server" | "embedded";
  }
}

/**
 * Integration tests run against a real PostgreSQL: by default the server at TEST_DATABASE_URL
 * (or the local one), or with TEST_DB_KIND=embedded the embedded PostgreSQL the app uses when
 * no DATABASE_URL is set, so both paths are proven by the same tests.
 */
export default async function setup(project: TestProject) {
  const kind = process.env.TEST_DB_KIND === "embedded" ? "embedded" : "server";
  const migrationsDir = path.resolve("prisma/migrations");

  if (kind === "server") {
    const database = await createThrowawayDatabase("undersigned_test");
    await applyMigrations(database.url, migrationsDir);
    project.provide("databaseUrl", database.url);
    project.provide("serverUrl", TEST_SERVER_URL);
    project.provide("databaseKind", kind);
    return database.drop;
  }

  const dataDir = await mkdtemp(path.join(os.tmpdir(), "undersigned-embedded-test-"));
  const server = await startEmbeddedPostgres({ dataDir });
  await applyMigrations(server.url, migrationsDir);
  const serverUrl = new URL(server.url);
  serverUrl.pathname = "/postgres";
  project.provide("databaseUrl", server.url);
  project.provide("serverUrl", serverUrl.toString());
  project.provide("databaseKind", kind);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
