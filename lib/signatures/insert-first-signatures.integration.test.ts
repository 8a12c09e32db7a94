import { beforeEach, describe, expect, it, vi } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { insertFirstSignature, type TFirstSignature } from "./insert-first-signatures";

/*
 * Simultaneous first signatures share one statement (group commit). Each caller must get the
 * answer it would have had alone, and a row the statement cannot take must fail only its own
 * caller: every other row of the batch is stored with its email.
 */

const db = connectTestDb();
beforeEach(() => resetDatabase(db));

const row = (letterId: string, n: number | string, overrides: Partial<TFirstSignature> = {}): TFirstSignature => ({
  letterId,
  emailKey: `key-${n}`,
  domain: "example.com",
  address: `signer${n}@example.com`,
  proposal: { displayName: `Signer ${n}`, jobTitle: null, team: null, comment: null, showName: true, showNameAt: null },
  sourceKey: null,
  mayEmail: true,
  now: new Date(),
  ...overrides,
});

describe("insertFirstSignature under concurrency", () => {
  it("writes simultaneous rows in fewer statements, and answers each as if it had come alone", async () => {
    const open = await createLetter(db);
    const closed = await createLetter(db, { status: "CLOSED" });
    const statements = vi.spyOn(db, "$queryRaw");
    const rows = [
      ...Array.from({ length: 20 }, (_, n) => row(open.id, n)),
      row(open.id, 3), // the same address as an earlier row of the batch
      row(closed.id, 100),
      row(open.id, "quiet", { mayEmail: false }),
    ];
    const outcomes = await Promise.all(rows.map((each) => insertFirstSignature(db, each)));

    expect(outcomes).toEqual([...Array(20).fill(true), false, false, true]);
    expect(statements.mock.calls.length).toBeLessThan(rows.length / 2);
    statements.mockRestore();
    expect(await db.signature.count({ where: { letterId: open.id } })).toBe(21);
    expect(await db.signature.count({ where: { letterId: closed.id } })).toBe(0);
    const emails = await db.outboxEmail.findMany({ select: { to: true, data: true } });
    expect(emails).toHaveLength(20);
    // Each email carries its own signature and proposal, not a neighbour's.
    const signatures = await db.signature.findMany({ where: { letterId: open.id }, select: { id: true, emailKey: true, displayName: true } });
    for (const email of emails) {
      const n = /^signer(\d+)@/.exec(email.to ?? "")![1]!;
      const data = email.data as { signatureId: string; proposal: { displayName: string } };
      expect(signatures.find((signature) => signature.id === data.signatureId)).toMatchObject({ emailKey: `key-${n}`, displayName: `Signer ${n}` });
      expect(data.proposal.displayName).toBe(`Signer ${n}`);
    }
  });

  it("fails only the row the statement cannot take; the rest of its batch are stored with their emails", async () => {
    const open = await createLetter(db);
    // A NUL cannot be stored in PostgreSQL text. The input schema refuses it long before this
    // point; here it stands for any row a batch statement would fail on.
    const rows = [row(open.id, 1), row(open.id, 2, { proposal: { ...row(open.id, 2).proposal, displayName: "Bad\u0000Name" } }), row(open.id, 3)];
    const outcomes = await Promise.allSettled(rows.map((each) => insertFirstSignature(db, each)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[0]).toEqual({ status: "fulfilled", value: true });
    expect(outcomes[2]).toEqual({ status: "fulfilled", value: true });
    expect((await db.signature.findMany({ select: { emailKey: true }, orderBy: { emailKey: "asc" } })).map((s) => s.emailKey)).toEqual(["key-1", "key-3"]);
    expect(await db.outboxEmail.count()).toBe(2);
  });

  it("refuses a recipient that is not a plain address without writing its row, and stores the others", async () => {
    const open = await createLetter(db);
    const rows = [row(open.id, 1), row(open.id, 2, { address: "a@example.com\r\nBcc: b@example.com" }), row(open.id, 3)];
    const outcomes = await Promise.allSettled(rows.map((each) => insertFirstSignature(db, each)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await db.signature.count()).toBe(2);
    expect(await db.outboxEmail.count()).toBe(2);
  });
});
