import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "./fold-count-events";
import { loadChangedCountSnapshots, loadCountSnapshot, type TCountSnapshot } from "./count-snapshots";
import { CountHub } from "./count-hub";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";

const db = connectTestDb();

async function confirmed(letterId: string, domain: string, n = 1) {
  for (let i = 0; i < n; i++) await db.countEvent.create({ data: { letterId, domain, day: new Date("2026-11-29"), delta: 1 } });
}

describe("count snapshots", () => {
  beforeEach(() => resetDatabase(db));

  it("loads a published letter's total and per-domain totals, largest first", async () => {
    const letter = await createLetter(db, { slug: "snap-one", total: 0 });
    await confirmed(letter.id, "github.com", 1);
    await confirmed(letter.id, "microsoft.com", 3);
    await foldCountEvents(db);

    const snapshot = await loadCountSnapshot(db, "snap-one", 1);
    expect(snapshot).toEqual({
      total: 4,
      byDomain: { "microsoft.com": 3, "github.com": 1 },
      otherDomains: 0,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Object.keys(snapshot!.byDomain)).toEqual(["microsoft.com", "github.com"]);
    expect(Math.abs(Date.parse(snapshot!.updatedAt!) - Date.now())).toBeLessThan(60_000);
    // With a smallest public group of 3, github.com's one signature is not named, and the rest
    // of 1 would tell it: microsoft.com joins it.
    expect(await loadCountSnapshot(db, "snap-one", 3)).toMatchObject({ total: 4, byDomain: {}, otherDomains: 4 });
    expect(await loadCountSnapshot(db, "snap-one", 2)).toMatchObject({ total: 4, byDomain: {}, otherDomains: 4 });
  });

  it("knows no draft and no unknown slug", async () => {
    await createLetter(db, { slug: "snap-draft", status: "DRAFT" });
    expect(await loadCountSnapshot(db, "snap-draft", 1)).toBeNull();
    expect(await loadCountSnapshot(db, "snap-nothing", 1)).toBeNull();
  });

  it("reports the letters whose counts changed since the last poll, and only those", async () => {
    const quiet = await createLetter(db, { slug: "snap-quiet" });
    const busy = await createLetter(db, { slug: "snap-busy" });
    await confirmed(quiet.id, "example.com");
    await foldCountEvents(db);

    const first = await loadChangedCountSnapshots(db, null, 1);
    expect(first.changes).toEqual([]);

    await confirmed(busy.id, "example.com", 2);
    await foldCountEvents(db);
    const second = await loadChangedCountSnapshots(db, first.asOf, 1);
    // The overlap re-reports very recent changes (the quiet letter's fold was moments ago); the busy letter must be there.
    expect(second.changes).toContainEqual({ slug: "snap-busy", snapshot: expect.objectContaining({ total: 2, byDomain: { "example.com": 2 } }) });

    // Changes older than the overlap are not reported again.
    await db.$executeRaw`UPDATE "LetterCount" SET "updatedAt" = "updatedAt" - interval '1 minute'`;
    expect((await loadChangedCountSnapshots(db, second.asOf, 1)).changes).toEqual([]);
  });

  it("tells a letter's subscribers of a fold through one poll of the real database", async () => {
    const letter = await createLetter(db, { slug: "snap-live" });
    const hub = new CountHub({ load: (slug) => loadCountSnapshot(db, slug, 1), loadChanged: (since) => loadChangedCountSnapshots(db, since, 1) });
    expect((await hub.get("snap-live"))?.total).toBe(0);
    const seen: TCountSnapshot[] = [];
    hub.subscribe("snap-live", (snapshot) => seen.push(snapshot));
    await hub.refresh();

    await confirmed(letter.id, "example.com", 2);
    await foldCountEvents(db);
    await hub.refresh();
    await hub.refresh(); // the same change again, within the overlap: not repeated
    expect(seen.map((s) => [s.total, s.byDomain])).toEqual([[2, { "example.com": 2 }]]);
    expect((await hub.get("snap-live"))?.total).toBe(2);
  });
});
