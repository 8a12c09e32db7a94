import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createSignatureRow } from "@/tests/support/moderation";
import { anonymiseClosedLetters } from "./anonymise-closed-letters";
import { listPublicSignatures } from "./list-public-signatures";

// A letter against an employer stays online long after it closes. Whoever later gets hold of
// the database (a breach, a subpoena) must find no more about its signers than its public page
// shows: no address key to test guesses against, no network, no hidden name.

const db = connectTestDb();
const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-29T12:00:00Z");

async function closedLetter(daysAgo: number) {
  const letter = await createLetter(db, { status: "CLOSED" });
  await db.letter.update({ where: { id: letter.id }, data: { closedAt: new Date(now.getTime() - daysAgo * DAY_MS) } });
  const signed = new Date(now.getTime() - (daysAgo + 5) * DAY_MS);
  const rows = {
    named: await createSignatureRow(db, letter.id, { name: "Named Person", jobTitle: "Engineer", comment: "Proud to sign.", createdAt: signed }),
    anonymous: await createSignatureRow(db, letter.id, {
      name: "Secret Person",
      showName: false,
      jobTitle: "Director",
      comment: "Quietly.",
      createdAt: signed,
    }),
    hidden: await createSignatureRow(db, letter.id, { name: "Hidden Name", nameHidden: true, comment: "Rude words", createdAt: signed }),
    pending: await createSignatureRow(db, letter.id, { name: "Never Confirmed", state: "PENDING", createdAt: signed }),
    withdrawn: await createSignatureRow(db, letter.id, { name: "Changed Mind", state: "WITHDRAWN", confirmedAt: null, createdAt: signed }),
    invalidated: await createSignatureRow(db, letter.id, { name: "Fake Person", state: "INVALIDATED", confirmedAt: null, createdAt: signed }),
  };
  await db.signature.update({ where: { id: rows.hidden.id }, data: { commentHidden: true } });
  await db.outboxEmail.create({ data: { to: "never.confirmed@example.com", template: "signature-confirm", data: { signatureId: rows.pending.id } } });
  return { letter, rows };
}

describe("anonymiseClosedLetters", () => {
  beforeEach(() => resetDatabase(db));

  it("keeps of a letter closed past the retention period exactly what its public page shows", async () => {
    const { letter, rows } = await closedLetter(181);
    const publicBefore = await listPublicSignatures(db, letter.id, { limit: 100 });

    expect(await anonymiseClosedLetters(db, now, 180)).toEqual({ letters: 1, erased: 3, reduced: 3 });

    expect(await listPublicSignatures(db, letter.id, { limit: 100 })).toEqual(publicBefore);
    const left = await db.signature.findMany({ where: { letterId: letter.id }, orderBy: { createdAt: "asc" } });
    expect(left.map((row) => row.id).sort()).toEqual([rows.named.id, rows.anonymous.id, rows.hidden.id].sort());
    for (const row of left) {
      expect(row.emailKey).toBe(`erased:${row.id}`);
      expect(row.sourceKey).toBeNull();
    }
    const byId = new Map(left.map((row) => [row.id, row]));
    expect(byId.get(rows.named.id)).toMatchObject({ displayName: "Named Person", jobTitle: "Engineer", comment: "Proud to sign." });
    expect(byId.get(rows.anonymous.id)).toMatchObject({ displayName: "", jobTitle: null, team: null, comment: "Quietly." });
    expect(byId.get(rows.hidden.id)).toMatchObject({ displayName: "", comment: null });
    expect(JSON.stringify(left)).not.toMatch(/Secret Person|Director|Hidden Name|Rude words/);
    expect(await db.outboxEmail.count()).toBe(0);
    // Counts are what was delivered: untouched.
    expect(await db.countEvent.count({ where: { letterId: letter.id } })).toBe(3);

    // Done, and marked so: the next run does not even look at it.
    expect((await db.letter.findUniqueOrThrow({ where: { id: letter.id } })).signersReducedAt).toEqual(now);
    expect(await anonymiseClosedLetters(db, now, 180)).toEqual({ letters: 0, erased: 0, reduced: 0 });
  });

  it("works in batches, and a run cut short is finished by the next with the same result", async () => {
    const { letter } = await closedLetter(200);
    for (let index = 0; index < 7; index += 1) {
      await createSignatureRow(db, letter.id, { name: `Extra ${index}`, showName: index % 2 === 0, createdAt: new Date(now.getTime() - 300 * DAY_MS) });
      await createSignatureRow(db, letter.id, { name: `Gone ${index}`, state: "PENDING" });
    }
    // The run fails on its third reducing batch, as it would on a database restart.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_third_batch() RETURNS trigger AS $$
      BEGIN
        IF (SELECT count(*) FROM "Signature" WHERE "letterId" = NEW."letterId" AND "emailKey" LIKE 'erased:%') >= 4 THEN
          RAISE EXCEPTION 'database went away';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_third_batch BEFORE UPDATE ON "Signature" FOR EACH ROW EXECUTE FUNCTION fail_third_batch()`);
    try {
      await expect(anonymiseClosedLetters(db, now, 180, { batchSize: 2 })).rejects.toThrow(/database went away/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_third_batch ON "Signature"`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_third_batch()`);
    }
    // What the finished batches did stays done: the never-counted rows are gone, two batches reduced.
    expect(await db.signature.count({ where: { letterId: letter.id, state: { not: "CONFIRMED" } } })).toBe(0);
    expect(await db.signature.count({ where: { letterId: letter.id, emailKey: { startsWith: "erased:" } } })).toBe(4);
    expect((await db.letter.findUniqueOrThrow({ where: { id: letter.id } })).signersReducedAt).toBeNull();

    expect(await anonymiseClosedLetters(db, now, 180, { batchSize: 2 })).toEqual({ letters: 1, erased: 0, reduced: 6 });
    const left = await db.signature.findMany({ where: { letterId: letter.id } });
    expect(left).toHaveLength(10);
    for (const row of left) expect(row).toMatchObject({ emailKey: `erased:${row.id}`, sourceKey: null });
    expect(
      left
        .filter((row) => row.displayName !== "")
        .map((row) => row.displayName)
        .sort(),
    ).toEqual(["Extra 0", "Extra 2", "Extra 4", "Extra 6", "Named Person"]);
  });

  it("leaves open letters and letters closed within the retention period alone", async () => {
    await closedLetter(179);
    const open = await createLetter(db);
    await createSignatureRow(db, open.id, { name: "Open Signer", showName: false });
    const before = await db.signature.findMany({ orderBy: { id: "asc" } });

    expect(await anonymiseClosedLetters(db, now, 180)).toEqual({ letters: 0, erased: 0, reduced: 0 });
    expect(await db.signature.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.outboxEmail.count()).toBe(1);
  });
});
