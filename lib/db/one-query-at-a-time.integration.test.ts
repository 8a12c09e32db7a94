import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { readPublishedLetter } from "@/lib/letters/get-published-letter";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { OneQueryAtATimeClient } from "./one-query-at-a-time";

const db = connectTestDb();

describe("a connection handed its queries one at a time", () => {
  beforeEach(() => resetDatabase(db));
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1, Client: OneQueryAtATimeClient });
  afterAll(() => pool.end());

  it("lets Prisma read a letter with all its relations inside a transaction without pg's deprecation warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const letter = await createLetter(db, { slug: "one-at-a-time", domains: ["example.com"] });
      // The letter page's read: six relations, which the adapter sends at once on the transaction's connection.
      const read = await db.$transaction((tx) => readPublishedLetter(tx, letter.slug), { isolationLevel: "RepeatableRead" });
      expect(read?.domainRules).toEqual([{ domain: "example.com", includeSubdomains: false }]);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });

  it("runs queries given at once in the order given, each answered with its own result or error", async () => {
    const client = await pool.connect();
    try {
      await client.query("CREATE TEMP SEQUENCE one_at_a_time");
      const results = await Promise.allSettled([
        client.query<{ n: string }>("SELECT nextval('one_at_a_time') AS n"),
        client.query("SELECT no_such_column FROM pg_class"),
        client.query<{ n: string }>("SELECT nextval('one_at_a_time') AS n"),
        client.query<{ n: string }>({ text: "SELECT nextval('one_at_a_time') AS n" }),
      ]);
      expect(results.map((result) => (result.status === "fulfilled" ? (result.value.rows[0] as { n: string }).n : "error"))).toEqual(["1", "error", "2", "3"]);
      // A callback is pg's own business, as before.
      const viaCallback = await new Promise<string>((resolve, reject) =>
        client.query<{ n: string }>("SELECT nextval('one_at_a_time') AS n", (error, result) => (error ? reject(error) : resolve(result.rows[0]!.n))),
      );
      expect(viaCallback).toBe("4");
    } finally {
      client.release();
    }
  });
});
