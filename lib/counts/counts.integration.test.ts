import { beforeEach, describe, expect, inject, it } from "vitest";
import { foldCountEvents } from "./fold-count-events";
import { getExactLetterTotal } from "./get-letter-total";
import { reconcileCounts } from "./reconcile-counts";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { withPgClient } from "@/tests/support/pg";

const db = connectTestDb();
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));

/** Confirmed signatures with their count events, as confirmations leave them. */
async function confirmMany(letterId: string, entries: { domain: string; confirmedAt: Date }[]) {
  for (const [i, entry] of entries.entries()) {
    await db.signature.create({
      data: {
        letterId,
        emailKey: `${letterId}-${i}-${Math.random()}`,
        domain: entry.domain,
        displayName: `Signer ${i}`,
        state: "CONFIRMED",
        confirmedAt: entry.confirmedAt,
      },
    });
    await db.countEvent.create({ data: { letterId, domain: entry.domain, day: new Date(entry.confirmedAt.toISOString().slice(0, 10)), delta: 1 } });
  }
}

async function countsOf(letterId: string) {
  const total = (await db.letterCount.findUnique({ where: { letterId } }))?.total ?? 0;
  const domains = Object.fromEntries((await db.domainCount.findMany({ where: { letterId } })).map((d) => [d.domain, d.total]));
  const days = Object.fromEntries((await db.dailyCount.findMany({ where: { letterId } })).map((d) => [d.day.toISOString().slice(0, 10), d.total]));
  return { total, domains, days };
}

describe("counts", () => {
  beforeEach(() => resetDatabase(db));

  it("folds events into totals, per-domain and per-day counts, in batches, without double counting", async () => {
    const a = await createLetter(db);
    const b = await createLetter(db);
    await confirmMany(a.id, [
      { domain: "microsoft.com", confirmedAt: day(1) },
      { domain: "microsoft.com", confirmedAt: day(1) },
      { domain: "github.com", confirmedAt: day(2) },
    ]);
    await confirmMany(b.id, [{ domain: "example.com", confirmedAt: day(3) }]);
    expect(await getExactLetterTotal(db, a.id)).toBe(3);

    expect(await foldCountEvents(db, { batchSize: 2 })).toBe(2);
    expect(await foldCountEvents(db, { batchSize: 2 })).toBe(2);
    expect(await foldCountEvents(db, { batchSize: 2 })).toBe(0);

    expect(await countsOf(a.id)).toEqual({
      total: 3,
      domains: { "microsoft.com": 2, "github.com": 1 },
      days: { "2026-11-01": 2, "2026-11-02": 1 },
    });
    expect((await countsOf(b.id)).total).toBe(1);
    expect(await getExactLetterTotal(db, a.id)).toBe(3);
  });

  it("counts exactly when several instances fold at once", async () => {
    const letter = await createLetter(db);
    await confirmMany(
      letter.id,
      Array.from({ length: 60 }, (_, i) => ({ domain: i % 2 ? "a.example" : "b.example", confirmedAt: day(1 + (i % 3)) })),
    );
    await Promise.all(Array.from({ length: 4 }, () => foldCountEvents(db, { batchSize: 7 }).then(() => foldCountEvents(db, { batchSize: 7 }))));
    while ((await foldCountEvents(db, { batchSize: 7 })) > 0);
    expect(await countsOf(letter.id)).toEqual({
      total: 60,
      domains: { "a.example": 30, "b.example": 30 },
      days: { "2026-11-01": 20, "2026-11-02": 20, "2026-11-03": 20 },
    });
  });

  it("loses nothing when the aggregator dies in the middle of a batch", async () => {
    const letter = await createLetter(db);
    await confirmMany(
      letter.id,
      Array.from({ length: 5 }, () => ({ domain: "example.com", confirmedAt: day(1) })),
    );

    await withPgClient(inject("databaseUrl"), async (blocker) => {
      // Hold the counts lock so the fold stops midway, then kill its connection there.
      await blocker.query(`BEGIN; LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`);
      try {
        const folding = foldCountEvents(db).then(
          () => "finished",
          () => "died",
        );
        let victim: number | undefined;
        while (victim === undefined) {
          // Exactly the backend waiting on this blocker: nothing else on the server is touched.
          const { rows } = await blocker.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))`);
          victim = rows[0]?.pid;
        }
        await blocker.query(`SELECT pg_terminate_backend($1)`, [victim]);
        expect(await folding).toBe("died");
      } finally {
        await blocker.query("ROLLBACK");
      }
    });

    expect(await db.countEvent.count()).toBe(5);
    await foldCountEvents(db);
    expect((await countsOf(letter.id)).total).toBe(5);
  });

  it("reconciliation recounts exactly from the signatures and corrects any drift", async () => {
    const letter = await createLetter(db);
    await confirmMany(letter.id, [
      { domain: "microsoft.com", confirmedAt: day(1) },
      { domain: "github.com", confirmedAt: day(2) },
    ]);
    await foldCountEvents(db);
    // Drift: a hand edit, a restored backup, a bug.
    await db.letterCount.update({ where: { letterId: letter.id }, data: { total: 99 } });
    await db.domainCount.create({ data: { letterId: letter.id, domain: "ghost.example", total: 4 } });
    await db.dailyCount.update({ where: { letterId_day: { letterId: letter.id, day: new Date("2026-11-01") } }, data: { total: 7 } });
    // An event whose signature is already counted by the recount must not count again later.
    await db.countEvent.create({ data: { letterId: letter.id, domain: "microsoft.com", day: new Date("2026-11-01"), delta: 1 } });

    expect(await reconcileCounts(db)).toBe(3);
    await foldCountEvents(db);
    expect(await countsOf(letter.id)).toEqual({
      total: 2,
      domains: { "microsoft.com": 1, "github.com": 1 },
      days: { "2026-11-01": 1, "2026-11-02": 1 },
    });
    expect(await reconcileCounts(db)).toBe(0);
  });
});
