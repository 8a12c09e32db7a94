import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { utcDay } from "@/lib/counts/record-count-change";
import { hashToken } from "@/lib/security/tokens";
import { endSignature } from "@/lib/signatures/end-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor, createSignatureRow } from "@/tests/support/moderation";
import { invalidateInBatches } from "./invalidate-in-batches";

// Ending a whole domain of a large letter: a batch of rows per transaction, so no confirmation
// waits on the whole domain. Batches of two here, so every property is tested across batches.

const db = connectTestDb();
const now = new Date("2026-11-29T12:00:00Z");
const CONFIRMED_AT = ["2026-11-01T23:59:59.999Z", "2026-11-02T00:00:00.000Z", "2026-11-02T13:00:00Z", "2026-11-05T08:00:00Z", "2026-11-05T08:00:00Z"];

async function domainToEnd() {
  const letter = await createLetter(db, { domains: ["example.com", "other.org"] });
  const owner = await createActor(db, letter.id, "OWNER");
  const created = new Date("2026-10-30T00:00:00Z");
  const confirmed = [];
  for (const at of CONFIRMED_AT)
    confirmed.push(await createSignatureRow(db, letter.id, { domain: "other.org", createdAt: created, confirmedAt: new Date(at) }));
  await createSignatureRow(db, letter.id, { domain: "other.org", state: "PENDING", createdAt: created });
  await createSignatureRow(db, letter.id, { domain: "other.org", state: "WITHDRAWN", createdAt: created });
  await createSignatureRow(db, letter.id, { domain: "example.com", createdAt: created });
  // Submitted after the job started: left for the organiser to see, not swept up.
  await createSignatureRow(db, letter.id, { domain: "other.org", state: "PENDING", createdAt: new Date(now.getTime() + 1000) });
  await foldCountEvents(db);
  return { letter, owner, confirmed };
}

/** The folded counts, zero rows aside, are exactly what the confirmed rows say. */
async function expectExactCounts(letterId: string) {
  await foldCountEvents(db);
  const rows = await db.signature.findMany({ where: { letterId, state: "CONFIRMED" }, select: { domain: true, confirmedAt: true } });
  const tally = (keys: string[]) => Object.fromEntries([...new Set(keys)].map((key) => [key, keys.filter((other) => other === key).length]));
  const domains = await db.domainCount.findMany({ where: { letterId, total: { not: 0 } } });
  const days = await db.dailyCount.findMany({ where: { letterId, total: { not: 0 } } });
  expect(Object.fromEntries(domains.map((row) => [row.domain, row.total]))).toEqual(tally(rows.map((row) => row.domain)));
  expect(Object.fromEntries(days.map((row) => [row.day.toISOString(), row.total]))).toEqual(tally(rows.map((row) => utcDay(row.confirmedAt!).toISOString())));
  expect((await db.letterCount.findUniqueOrThrow({ where: { letterId } })).total).toBe(rows.length);
}

const job = (letterId: string, actorId: string) => ({ letterId, actorId, filter: { domain: "other.org" }, reason: "Not our company", now, batchSize: 2 });

describe("bulk invalidation in batches", () => {
  beforeEach(() => resetDatabase(db));

  it("ends every match across batches and takes each confirmed one off the counts on the day it was counted", async () => {
    const { letter, owner, confirmed } = await domainToEnd();

    expect(await invalidateInBatches(db, job(letter.id, owner.userId))).toEqual({ pending: 1, confirmed: 5, total: 6 });

    // The bulk (SQL) form of lifecycle.ts's rule wrote what its one-row form would have.
    const events = await db.countEvent.findMany({ where: { letterId: letter.id }, select: { domain: true, day: true, delta: true } });
    const expected = confirmed.map((row) => ({ domain: "other.org", day: utcDay(row.confirmedAt!), delta: -1 }));
    const key = (event: { day: Date }) => event.day.toISOString();
    expect(events.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    await expectExactCounts(letter.id);
    expect(await db.letterCount.findUniqueOrThrow({ where: { letterId: letter.id } })).toMatchObject({ total: 1 });

    const states = await db.signature.groupBy({ by: ["domain", "state"], where: { letterId: letter.id }, _count: { _all: true } });
    expect(states.map((row) => [row.domain, row.state, row._count._all]).sort()).toEqual(
      [
        ["example.com", "CONFIRMED", 1],
        ["other.org", "INVALIDATED", 6],
        ["other.org", "PENDING", 1],
        ["other.org", "WITHDRAWN", 1],
      ].sort(),
    );
    // One activity entry, brought up to date by every batch.
    expect(await db.letterActivity.findMany({ where: { letterId: letter.id }, select: { action: true, detail: true } })).toEqual([
      { action: "signatures.bulk-invalidated", detail: { filter: { domain: "other.org" }, reason: "Not our company", pending: 1, confirmed: 5, total: 6 } },
    ]);
  });

  it("is idempotent: a second run ends nothing and changes no count", async () => {
    const { letter, owner } = await domainToEnd();
    await invalidateInBatches(db, job(letter.id, owner.userId));
    const events = await db.countEvent.count();

    expect(await invalidateInBatches(db, job(letter.id, owner.userId))).toEqual({ pending: 0, confirmed: 0, total: 0 });
    expect(await db.countEvent.count()).toBe(events);
  });

  it("resumes: a run cut short keeps what its finished batches did, logged exactly, and the next run ends the rest", async () => {
    const { letter, owner } = await domainToEnd();
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_third_batch() RETURNS trigger AS $$
      BEGIN
        IF NEW.state = 'INVALIDATED' AND (SELECT count(*) FROM "Signature" WHERE "letterId" = NEW."letterId" AND state = 'INVALIDATED') >= 4 THEN
          RAISE EXCEPTION 'connection lost';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_third_batch BEFORE UPDATE ON "Signature" FOR EACH ROW EXECUTE FUNCTION fail_third_batch()`);
    try {
      await expect(invalidateInBatches(db, job(letter.id, owner.userId))).rejects.toThrow(/connection lost/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_third_batch ON "Signature"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_third_batch()`);
    }
    expect(await db.signature.count({ where: { letterId: letter.id, state: "INVALIDATED" } })).toBe(4);
    const [entry] = await db.letterActivity.findMany({ where: { letterId: letter.id } });
    expect(entry?.detail).toMatchObject({ total: 4 });
    await expectExactCounts(letter.id);

    expect(await invalidateInBatches(db, job(letter.id, owner.userId))).toMatchObject({ total: 2 });
    expect(await db.signature.count({ where: { letterId: letter.id, state: "INVALIDATED" } })).toBe(6);
    await expectExactCounts(letter.id);
  });

  it("ends each row exactly as ending it alone would: the same count events, the same burnt links", async () => {
    // Two identical domains; one ended a row at a time (endSignature: what a single invalidation,
    // a withdrawal and a receipt withdrawal run), the other in batches. lifecycle.ts holds the
    // rules both use, so they must leave the same trace, day boundaries included.
    const bulk = await domainToEnd();
    const single = await domainToEnd();
    for (const { letter } of [bulk, single]) {
      const rows = await db.signature.findMany({ where: { letterId: letter.id, domain: "other.org" }, select: { id: true } });
      for (const row of rows) {
        await db.signatureToken.create({
          data: { signatureId: row.id, tokenHash: hashToken(`link-${row.id}`), purpose: "CONFIRM", expiresAt: new Date(now.getTime() + 86_400_000) },
        });
      }
    }
    const eventsBefore = await db.countEvent.count();

    await invalidateInBatches(db, job(bulk.letter.id, bulk.owner.userId));
    const targets = await db.signature.findMany({
      where: { letterId: single.letter.id, domain: "other.org", state: { in: ["PENDING", "CONFIRMED"] }, createdAt: { lte: now } },
      select: { id: true },
    });
    for (const target of targets) {
      await db.$transaction((tx) =>
        endSignature(tx, { signatureId: target.id, letterId: single.letter.id }, { kind: "invalidated", reason: "Not our company" }, now),
      );
    }

    expect(await db.countEvent.count()).toBe(eventsBefore + 2 * CONFIRMED_AT.length);
    const trace = async (letterId: string) => ({
      events: (await db.countEvent.findMany({ where: { letterId, delta: -1 }, select: { domain: true, day: true, delta: true } }))
        .map((event) => `${event.domain} ${event.day.toISOString()} ${event.delta}`)
        .sort(),
      links: (await db.signatureToken.findMany({ where: { signature: { letterId } }, select: { usedAt: true, signature: { select: { state: true } } } }))
        .map((token) => `${token.signature.state} ${token.usedAt?.toISOString() ?? "live"}`)
        .sort(),
    });
    const fromBulk = await trace(bulk.letter.id);
    expect(fromBulk.events).toEqual(CONFIRMED_AT.map((at) => `other.org ${utcDay(new Date(at)).toISOString()} -1`).sort());
    expect(fromBulk.links.filter((link) => link.startsWith("INVALIDATED"))).toEqual(Array(6).fill(`INVALIDATED ${now.toISOString()}`));
    expect(await trace(single.letter.id)).toEqual(fromBulk);
    await expectExactCounts(single.letter.id);
  });
});
