import { beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/security/tokens";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createSignatureRow } from "@/tests/support/moderation";
import { housekeepingTasks, runHousekeeping } from "./housekeeping";

// The case seen on a million-signature letter: retention failed every run, and because its
// failure aborted the whole housekeeping run, another letter past its closing date was never
// closed. Here retention fails for real (the database refuses its writes), and everything else
// housekeeping does must still happen in the same run.

const db = connectTestDb();
const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-29T12:00:00Z");

async function refuseSignatureWrites(letterId: string) {
  await db.$executeRawUnsafe(`
    CREATE FUNCTION refuse_signature_writes() RETURNS trigger AS $$
    BEGIN
      IF OLD."letterId" = '${letterId}'::uuid THEN RAISE EXCEPTION 'disk full'; END IF;
      RETURN COALESCE(NEW, OLD);
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER refuse_signature_writes BEFORE UPDATE OR DELETE ON "Signature" FOR EACH ROW EXECUTE FUNCTION refuse_signature_writes()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER refuse_signature_writes ON "Signature"`);
    await db.$executeRawUnsafe(`DROP FUNCTION refuse_signature_writes()`);
  };
}

/** A signer's claim for the organisers to vouch for, whose code lapsed a day before `now`. */
async function lapsedOrganiserClaim(letterId: string) {
  const claim = await createSignatureRow(db, letterId, { name: "Nobody Vouched", state: "PENDING" });
  await db.signature.update({ where: { id: claim.id }, data: { verificationMethod: "ORGANISER" } });
  await db.signatureToken.create({
    data: { signatureId: claim.id, tokenHash: hashToken(`lapsed-${claim.id}`), purpose: "ORGANISER_CODE", expiresAt: new Date(now.getTime() - DAY_MS) },
  });
  return claim;
}

describe("housekeeping", () => {
  beforeEach(() => resetDatabase(db));

  it("still closes a due letter, forgets expired sign-in links and deletes lapsed organiser claims when retention fails", async () => {
    const retained = await createLetter(db, { status: "CLOSED" });
    await db.letter.update({ where: { id: retained.id }, data: { closedAt: new Date(now.getTime() - 300 * DAY_MS) } });
    await createSignatureRow(db, retained.id, { name: "Kept Too Long", showName: false });
    await createSignatureRow(db, retained.id, { name: "Never Confirmed", state: "PENDING" });
    const due = await createLetter(db);
    await db.letter.update({ where: { id: due.id }, data: { closesAt: new Date(now.getTime() - 60_000) } });
    await db.verificationToken.create({ data: { identifier: "organiser@example.org", token: "expired", expires: new Date(now.getTime() - 1) } });
    // On a third letter, still open: closing `due` must not be what removes it.
    const lapsed = await lapsedOrganiserClaim((await createLetter(db)).id);
    const logged: string[] = [];

    const restore = await refuseSignatureWrites(retained.id);
    let run;
    try {
      run = await runHousekeeping(db, now, housekeepingTasks(180), (message) => logged.push(message));
    } finally {
      await restore();
    }

    expect(run.failed.map((failure) => failure.task)).toEqual(["retention"]);
    expect(logged).toEqual([expect.stringMatching(/retention failed: [^]*disk full/)]);
    expect((await db.letter.findUniqueOrThrow({ where: { id: due.id } })).status).toBe("CLOSED");
    expect(await db.verificationToken.count()).toBe(0);
    expect(await db.signature.findUnique({ where: { id: lapsed.id } })).toBeNull();
    expect(await db.signature.count({ where: { letterId: retained.id } })).toBe(2);

    // The failed task is simply tried again next run, and finishes.
    const again = await runHousekeeping(db, now, housekeepingTasks(180), (message) => logged.push(message));
    expect(again.failed).toEqual([]);
    expect(await db.signature.findMany({ where: { letterId: retained.id }, select: { displayName: true, state: true } })).toEqual([
      { displayName: "", state: "CONFIRMED" },
    ]);
    expect((await db.letter.findUniqueOrThrow({ where: { id: retained.id } })).signersReducedAt).toEqual(now);
  });

  it("runs every task even when the first one throws", async () => {
    const ran: string[] = [];
    const run = await runHousekeeping(
      db,
      now,
      [
        { name: "first", run: async () => Promise.reject(new Error("boom")) },
        { name: "second", run: async () => (ran.push("second"), true) },
        { name: "third", run: async () => (ran.push("third"), false) },
      ],
      () => undefined,
    );
    expect(ran).toEqual(["second", "third"]);
    expect(run).toMatchObject({ more: true, failed: [{ task: "first" }] });
  });
});
