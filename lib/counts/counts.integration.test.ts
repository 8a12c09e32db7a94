import { beforeEach, describe, expect, inject, it } from "vitest";
import { foldCountEvents } from "./fold-count-events";
import { getExactLetterTotal } from "./get-letter-total";
import { reconcileCounts, reconcileLetterCounts } from "./reconcile-counts";
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

    // The total, the ghost domain, the day, and microsoft.com: its folded 1 and its unfolded event
    // would make 2 where one signature is confirmed.
    expect(await reconcileCounts(db)).toBe(4);
    await foldCountEvents(db);
    expect(await countsOf(letter.id)).toEqual({
      total: 2,
      domains: { "microsoft.com": 1, "github.com": 1 },
      days: { "2026-11-01": 1, "2026-11-02": 1 },
    });
    expect(await reconcileCounts(db)).toBe(0);
  });

  it("reconciliation without drift never waits for a fold, nor makes one wait", async () => {
    const letter = await createLetter(db);
    await confirmMany(letter.id, [{ domain: "microsoft.com", confirmedAt: day(1) }]);
    await foldCountEvents(db);
    await withPgClient(inject("databaseUrl"), async (fold) => {
      // A fold in progress, holding the count rows' lock for as long as this test likes.
      await fold.query("BEGIN");
      await fold.query(`LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`);
      try {
        expect(await reconcileCounts(db)).toBe(0);
      } finally {
        await fold.query("ROLLBACK");
      }
    });
  });

  it("reconciliation adds its correction to what a fold did meanwhile, rather than overwriting it", async () => {
    const letter = await createLetter(db);
    await confirmMany(letter.id, [
      { domain: "a.example", confirmedAt: day(1) },
      { domain: "a.example", confirmedAt: day(1) },
      { domain: "b.example", confirmedAt: day(2) },
    ]);
    await foldCountEvents(db);
    await db.letterCount.update({ where: { letterId: letter.id }, data: { total: 10 } }); // drift: 7 too many
    await confirmMany(letter.id, [
      { domain: "b.example", confirmedAt: day(2) },
      { domain: "c.example", confirmedAt: day(3) },
    ]); // two events not folded yet

    const url = inject("databaseUrl");
    await withPgClient(url, async (fold) => {
      await fold.query("BEGIN");
      await fold.query(`LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`);
      // The reconciliation reads its drift now, then waits for the lock to write it.
      const reconciling = reconcileCounts(db);
      await withPgClient(url, async (watcher) => {
        for (let waited = 0; ; waited += 20) {
          const { rows } = await watcher.query(
            `SELECT 1 FROM pg_locks WHERE NOT granted AND relation = '"LetterCount"'::regclass AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          if (rows.length > 0) break;
          if (waited > 10_000) throw new Error("the reconciliation never asked for the lock");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      // Meanwhile the fold folds the two events, as fold-count-events.ts does, and commits.
      await fold.query(`DELETE FROM "CountEvent" WHERE "letterId" = $1`, [letter.id]);
      await fold.query(`UPDATE "LetterCount" SET total = total + 2 WHERE "letterId" = $1`, [letter.id]);
      await fold.query(`UPDATE "DomainCount" SET total = total + 1 WHERE "letterId" = $1 AND domain = 'b.example'`, [letter.id]);
      await fold.query(`INSERT INTO "DomainCount" ("letterId", domain, total) VALUES ($1, 'c.example', 1)`, [letter.id]);
      await fold.query(`UPDATE "DailyCount" SET total = total + 1 WHERE "letterId" = $1 AND day = '2026-11-02'`, [letter.id]);
      await fold.query(`INSERT INTO "DailyCount" ("letterId", day, total) VALUES ($1, '2026-11-03', 1)`, [letter.id]);
      await fold.query("COMMIT");
      expect(await reconciling).toBe(1);
    });
    expect(await countsOf(letter.id)).toEqual({
      total: 5,
      domains: { "a.example": 2, "b.example": 2, "c.example": 1 },
      days: { "2026-11-01": 2, "2026-11-02": 2, "2026-11-03": 1 },
    });
    expect(await reconcileCounts(db)).toBe(0);
  });

  it("two reconciliations of one letter take turns, so a drift is corrected once", async () => {
    const letter = await createLetter(db);
    await confirmMany(letter.id, [{ domain: "a.example", confirmedAt: day(1) }]);
    await foldCountEvents(db);
    await db.letterCount.update({ where: { letterId: letter.id }, data: { total: 4 } });

    const url = inject("databaseUrl");
    await withPgClient(url, async (fold) => {
      await fold.query("BEGIN");
      await fold.query(`LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`);
      const both = Promise.all([reconcileLetterCounts(db, letter.id), reconcileLetterCounts(db, letter.id)]);
      // Both under way: one waiting for the count rows' lock, the other for its turn (or, were there
      // no turns, both for the lock, each with the same drift read).
      await withPgClient(url, async (watcher) => {
        for (let waited = 0; ; waited += 20) {
          const { rows } = await watcher.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
          if (rows[0]!.n >= 2) break;
          if (waited > 10_000) throw new Error("the two reconciliations never both waited");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      await fold.query("COMMIT");
      expect((await both).sort()).toEqual([0, 1]);
    });
    expect((await countsOf(letter.id)).total).toBe(1);
  });
});
