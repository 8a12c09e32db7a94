import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createPendingSignatures } from "@/tests/support/moderation";
import { BURST_WINDOW_MS, detectSignatureBursts } from "./detect-signature-bursts";
import { sourceLabel } from "./source-label";

const db = connectTestDb();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = new Date("2026-11-29T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("trending alerts: sudden bursts of signatures", () => {
  beforeEach(() => resetDatabase(db));

  it("flags a flooding source and a domain that jumped, and nothing that signs at its usual pace", async () => {
    const letter = await createLetter(db, { publishedAt: ago(3 * 24 * HOUR) });
    // One source, 25 names at 25 domains in five minutes; it sent 2 yesterday, and a great many
    // two days ago, which is outside the baseline and must not excuse today's flood.
    await createPendingSignatures(db, letter.id, 25, { from: ago(5 * MINUTE), to: now, sourceKey: "flood", domain: (i) => `d${i}.test` });
    await createPendingSignatures(db, letter.id, 2, { from: ago(20 * HOUR), to: ago(10 * HOUR), sourceKey: "flood", domain: "old.test" });
    await createPendingSignatures(db, letter.id, 500, { from: ago(40 * HOUR), to: ago(30 * HOUR), sourceKey: "flood", domain: "older.test" });
    // A domain at 2 an hour all day, then 40 in ten minutes from sources the limiter never saw.
    await createPendingSignatures(db, letter.id, 48, { from: ago(24 * HOUR), to: ago(BURST_WINDOW_MS), domain: "jumped.test" });
    await createPendingSignatures(db, letter.id, 40, { from: ago(9 * MINUTE), to: now, sourceKey: null, domain: "jumped.test" });
    // One source just under the floor.
    await createPendingSignatures(db, letter.id, 19, { from: ago(9 * MINUTE), to: now, sourceKey: "office", domain: "office.test" });
    // Outside the window by a millisecond, and in the future: neither counts as recent.
    await createPendingSignatures(db, letter.id, 1, { from: ago(BURST_WINDOW_MS + 1), to: ago(BURST_WINDOW_MS), sourceKey: "office", domain: "office.test" });
    await createPendingSignatures(db, letter.id, 1, {
      from: new Date(now.getTime() + 1),
      to: new Date(now.getTime() + 2),
      sourceKey: "office",
      domain: "office.test",
    });

    const bursts = await detectSignatureBursts(db, [letter.id], now);

    expect(bursts).toEqual([
      { letterId: letter.id, subject: { kind: "domain", domain: "jumped.test" }, recent: 40, usualPerHour: 2, windowStart: ago(BURST_WINDOW_MS) },
      {
        letterId: letter.id,
        subject: { kind: "source", label: sourceLabel(letter.id, "flood") },
        recent: 25,
        usualPerHour: 2 / 24,
        windowStart: ago(BURST_WINDOW_MS),
      },
    ]);
    expect(JSON.stringify(bursts), "the source key itself").not.toContain('"flood"');
  });

  it("measures a letter opened two hours ago against those two hours, so a steady launch is not a burst", async () => {
    const letter = await createLetter(db, { publishedAt: ago(2 * HOUR) });
    // 180 an hour since it opened: 330 before the window, 30 in it.
    await createPendingSignatures(db, letter.id, 330, { from: ago(2 * HOUR), to: ago(BURST_WINDOW_MS), domain: "bigcorp.test" });
    await createPendingSignatures(db, letter.id, 30, { from: ago(BURST_WINDOW_MS), to: now, domain: "bigcorp.test" });

    expect(await detectSignatureBursts(db, [letter.id], now)).toEqual([]);
  });

  it("measures each letter's source and domain against their own day on that letter, not another's", async () => {
    const [steady, quiet] = [await createLetter(db, { publishedAt: ago(3 * 24 * HOUR) }), await createLetter(db, { publishedAt: ago(3 * 24 * HOUR) })];
    // The same domain and source jump on both letters; on `steady` they signed all day, on `quiet` a few times.
    for (const letter of [steady, quiet])
      await createPendingSignatures(db, letter.id, 30, { from: ago(9 * MINUTE), to: now, sourceKey: "office", domain: "shared.test" });
    await createPendingSignatures(db, steady.id, 2_000, { from: ago(24 * HOUR), to: ago(BURST_WINDOW_MS), sourceKey: "office", domain: "shared.test" });
    await createPendingSignatures(db, quiet.id, 12, { from: ago(24 * HOUR), to: ago(BURST_WINDOW_MS), sourceKey: "office", domain: "shared.test" });

    const bursts = await detectSignatureBursts(db, [steady.id, quiet.id], now);

    expect(bursts.map((burst) => [burst.letterId, burst.subject.kind, burst.usualPerHour]).sort()).toEqual([
      [quiet.id, "domain", 0.5],
      [quiet.id, "source", 0.5],
    ]);
  });

  it("looks at the letters it is asked about only", async () => {
    const [watched, other] = [await createLetter(db), await createLetter(db)];
    await createPendingSignatures(db, other.id, 30, { from: ago(MINUTE), to: now, sourceKey: "flood" });

    expect(await detectSignatureBursts(db, [watched.id], now)).toEqual([]);
    // 30 from one source at one domain: a burst of both.
    const both = await detectSignatureBursts(db, [watched.id, other.id], now);
    expect(both.map((burst) => [burst.letterId, burst.subject.kind]).sort()).toEqual([
      [other.id, "domain"],
      [other.id, "source"],
    ]);
    expect(await detectSignatureBursts(db, [], now)).toEqual([]);
  });
});
