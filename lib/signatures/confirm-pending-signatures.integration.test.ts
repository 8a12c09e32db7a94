import { beforeEach, describe, expect, it, vi } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, signingDeps } from "@/tests/support/signing";
import { confirmPendingSignature } from "./confirm-pending-signatures";
import { confirmSignature } from "./confirm-signature";
import { createSignature } from "./create-signature";
import { issueSignatureToken } from "./issue-token";
import { withdrawSignature } from "./withdraw-signature";

/*
 * Confirmations pressed at the same moment share one statement (group commit). Each press must
 * get the answer it would have had alone, and a row the statement cannot take must fail only
 * its own press.
 */

const db = connectTestDb();
beforeEach(() => resetDatabase(db));

async function pendingSignatures(count: number) {
  const letter = await createLetter(db, { domains: ["microsoft.com"] });
  const deps = signingDeps(db);
  for (let i = 0; i < count; i++) await createSignature(deps, letter.slug, signer({ name: `Signer ${i}`, email: `signer${i}@microsoft.com` }));
  const signatures = await db.signature.findMany({ where: { letterId: letter.id }, orderBy: { displayName: "asc" } });
  const tokens = await Promise.all(signatures.map((signature) => issueSignatureToken(db, signature.id, "CONFIRM", new Date())));
  return { letter, signatures, tokens };
}
const outcomeOf = (pressed: Promise<{ outcome: string }>) =>
  pressed.then(
    (result) => result.outcome,
    (error: { code?: string }) => error.code ?? "bug",
  );

describe("confirmations pressed at the same moment", () => {
  it("are written together, and each gets its own answer: confirmed, already confirmed, a burnt link", async () => {
    const { letter, signatures, tokens } = await pendingSignatures(12);
    await confirmSignature(db, tokens[0]!, new Date()); // confirmed before the spike
    await withdrawSignature(db, await issueSignatureToken(db, signatures[1]!.id, "WITHDRAW", new Date()), new Date()); // withdrawn
    const secondLink = await issueSignatureToken(db, signatures[2]!.id, "CONFIRM", new Date()); // a second link to signature 2

    const statements = vi.spyOn(db, "$queryRaw");
    const outcomes = await Promise.all([...tokens, secondLink].map((token) => outcomeOf(confirmSignature(db, token, new Date()))));
    const confirmStatements = statements.mock.calls.length;
    statements.mockRestore();

    expect(outcomes[0]).toBe("already-confirmed");
    expect(outcomes[1]).toBe("TOKEN_USED"); // withdrawing burnt its links
    // Two links to one signature pressed together: one confirms it, the other finds it confirmed.
    expect([outcomes[2], outcomes[12]].sort()).toEqual(["already-confirmed", "confirmed"]);
    expect(outcomes.slice(3, 12)).toEqual(Array(9).fill("confirmed"));
    // 10 first presses in one statement, the second press of signature 2 in one after it.
    expect(confirmStatements).toBeLessThanOrEqual(3);

    await foldCountEvents(db);
    expect((await db.letterCount.findUniqueOrThrow({ where: { letterId: letter.id } })).total).toBe(11);
    const confirmed = await db.signature.findMany({ where: { letterId: letter.id, state: "CONFIRMED" }, select: { displayName: true, receiptHash: true } });
    expect(confirmed).toHaveLength(11);
    expect(new Set(confirmed.map((signature) => signature.receiptHash)).size).toBe(11);
  });

  it("fails only the press the statement cannot take; the others in its batch are confirmed and counted", async () => {
    const { letter, signatures, tokens } = await pendingSignatures(3);
    const tokenRows = await db.signatureToken.findMany({ where: { signatureId: { in: signatures.map((s) => s.id) } } });
    const change = (index: number) => ({
      tokenId: tokenRows.find((token) => token.signatureId === signatures[index]!.id)!.id,
      signatureId: signatures[index]!.id,
      letterId: letter.id,
      domain: "microsoft.com",
      proposal: { displayName: `Signer ${index}`, jobTitle: null, team: null, comment: null, showName: true, showNameAt: null },
      receiptHash: `receipt-${index}`,
      now: new Date(),
    });
    // A NUL cannot be stored in PostgreSQL text; the input schema refuses one long before this.
    const bad = { ...change(1), proposal: { ...change(1).proposal, displayName: "Bad\u0000Name" } };
    const outcomes = await Promise.allSettled([change(0), bad, change(2)].map((each) => confirmPendingSignature(db, each)));

    expect(outcomes.map((outcome) => (outcome.status === "fulfilled" ? outcome.value : "rejected"))).toEqual(["CONFIRMED_NOW", "rejected", "CONFIRMED_NOW"]);
    expect((await db.signature.findUniqueOrThrow({ where: { id: signatures[1]!.id } })).state).toBe("PENDING");
    expect(await db.countEvent.count({ where: { letterId: letter.id } })).toBe(2);
    // The failed press burnt nothing: its link still works.
    expect((await confirmSignature(db, tokens[1]!, new Date())).outcome).toBe("confirmed");
  });
});
