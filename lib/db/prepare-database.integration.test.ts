import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { listPublishedLetters } from "@/lib/letters/list-published-letters";
import { prepareDatabase, type TPreparedDatabase } from "./prepare-database";
import { createPrismaClient } from "./prisma";
import { createThrowawayDatabase } from "@/tests/support/throwaway-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function slugsIn(database: TPreparedDatabase) {
  const db = createPrismaClient(database.url, { poolSize: 1 });
  try {
    return (await listPublishedLetters(db, { status: "OPEN" })).map((letter) => letter.slug);
  } finally {
    await db.$disconnect();
  }
}

describe("prepareDatabase", () => {
  it("gives a fresh install an embedded, migrated database holding the demo letter", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "undersigned-fresh-install-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = parseEnv({ NODE_ENV: "production", UNDERSIGNED_EMBEDDED_DB: "true", EMBEDDED_DB_DIR: dataDir });

    const messages: string[] = [];
    const first = await prepareDatabase({ env, projectRoot: process.cwd(), log: (message) => messages.push(message) });
    cleanups.push(first.stop);
    expect(first.embedded).toBe(true);
    // In the order things happen: the database starts, is migrated, then seeded.
    expect(messages[0]).toBe(`Starting the embedded PostgreSQL under ${dataDir}…`);
    expect(messages.slice(1, -1).every((message) => message.startsWith("Applied migration "))).toBe(true);
    expect(messages.at(-1)).toBe("Seeded the demo letter.");
    expect(await slugsIn(first)).toEqual([DEMO_LETTER_SLUG]);

    // A second local process (the worker, `npm run seed`) joins the running server.
    const second = await prepareDatabase({ env, projectRoot: process.cwd() });
    expect(second.url).toBe(first.url);
    await second.stop();
    expect(await slugsIn(first)).toEqual([DEMO_LETTER_SLUG]);
  });

  it("uses DATABASE_URL as given, migrating only when asked and never seeding it", async () => {
    const database = await createThrowawayDatabase("undersigned_prepare", inject("serverUrl"));
    cleanups.push(database.drop);
    const env = parseEnv({ DATABASE_URL: database.url });

    const prepared = await prepareDatabase({ env, projectRoot: process.cwd(), migrate: true });
    expect(prepared).toMatchObject({ url: database.url, embedded: false });
    expect(await slugsIn(prepared)).toEqual([]);
  });
});
