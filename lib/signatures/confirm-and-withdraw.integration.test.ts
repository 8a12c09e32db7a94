import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { confirmSignature } from "./confirm-signature";
import { countConfirmation } from "./count-confirmation";
import { createSignature } from "./create-signature";
import { describeTokenLink } from "./describe-token-link";
import { issueSignatureToken } from "./issue-token";
import { listPublicSignatures } from "./list-public-signatures";
import { withdrawSignature } from "./withdraw-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, signingDeps } from "@/tests/support/signing";

const db = connectTestDb();
const HOUR = 60 * 60 * 1000;

async function pendingSignature(options: { anonymous?: boolean } = {}) {
  const letter = await createLetter(db, { domains: ["microsoft.com"] });
  await createSignature(signingDeps(db), letter.slug, signer({ email: "jane@microsoft.com", anonymous: options.anonymous ?? false }));
  const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
  return { letter, signature };
}

const totalOf = async (letterId: string) => (await db.letterCount.findUnique({ where: { letterId } }))?.total ?? 0;

describe("confirming and withdrawing", () => {
  beforeEach(() => resetDatabase(db));

  it("counts a signature once it is confirmed, and shows it publicly", async () => {
    const { letter, signature } = await pendingSignature();
    const token = await issueSignatureToken(db, signature.id, "CONFIRM", new Date());

    expect(await confirmSignature(db, token, new Date())).toMatchObject({ outcome: "confirmed", letter: { slug: letter.slug } });
    await foldCountEvents(db);
    expect(await totalOf(letter.id)).toBe(1);
    expect(await db.domainCount.findMany({ where: { letterId: letter.id } })).toEqual([expect.objectContaining({ domain: "microsoft.com", total: 1 })]);
    expect(await listPublicSignatures(db, letter.id)).toEqual([expect.objectContaining({ name: "Jane Doe", domain: "microsoft.com" })]);
  });

  it("shows an anonymous signer only as a verified domain", async () => {
    const { letter, signature } = await pendingSignature({ anonymous: true });
    await confirmSignature(db, await issueSignatureToken(db, signature.id, "CONFIRM", new Date()), new Date());
    const [entry] = await listPublicSignatures(db, letter.id);
    expect(entry).toMatchObject({ name: null, jobTitle: null, team: null, domain: "microsoft.com" });
  });

  it("leaves the signature pending and the token usable when the link is merely opened (a mail scanner)", async () => {
    const { signature } = await pendingSignature();
    const token = await issueSignatureToken(db, signature.id, "CONFIRM", new Date());
    for (let i = 0; i < 3; i++) expect((await describeTokenLink(db, token, "CONFIRM", new Date())).kind).toBe("ready");
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).state).toBe("PENDING");
    expect((await confirmSignature(db, token, new Date())).outcome).toBe("confirmed");
  });

  it("is harmless to confirm twice, or many times at once: it counts once", async () => {
    const { letter, signature } = await pendingSignature();
    const tokens = await Promise.all([1, 2, 3].map(() => issueSignatureToken(db, signature.id, "CONFIRM", new Date())));
    const outcomes = await Promise.all(
      [...tokens, ...tokens].map((token) =>
        confirmSignature(db, token, new Date()).then(
          (r) => r.outcome,
          (e: Error) => e.message,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "confirmed")).toHaveLength(1);
    expect(outcomes.every((outcome) => outcome === "confirmed" || outcome === "already-confirmed" || /already been used/.test(outcome))).toBe(true);
    expect((await confirmSignature(db, tokens[0]!, new Date())).outcome).toBe("already-confirmed");
    await foldCountEvents(db);
    expect(await totalOf(letter.id)).toBe(1);
  });

  it("confirms by the same rule as an organiser's verification: the same row change and the same count event", async () => {
    // The emailed link's confirmation is one SQL statement (confirm-signature.ts) for speed; the
    // organiser's is countConfirmation. Nothing but the receipt and the proposal may differ.
    const now = new Date("2026-03-04T23:59:30Z");
    const { letter, signature: byLink } = await pendingSignature();
    await createSignature(signingDeps(db), letter.slug, signer({ email: "joe@microsoft.com", anonymous: false }));
    const byOrganiser = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, id: { not: byLink.id } } });

    await confirmSignature(db, await issueSignatureToken(db, byLink.id, "CONFIRM", now), now);
    await db.$transaction((tx) => countConfirmation(tx, { id: byOrganiser.id, letterId: letter.id, domain: byOrganiser.domain }, now));

    const rule = (row: { state: string; confirmedAt: Date | null; verificationMethod: string }) => ({
      state: row.state,
      confirmedAt: row.confirmedAt,
      verificationMethod: row.verificationMethod,
    });
    const [linkRow, organiserRow] = await Promise.all([byLink, byOrganiser].map((s) => db.signature.findUniqueOrThrow({ where: { id: s.id } })));
    expect(rule(linkRow!)).toEqual({ state: "CONFIRMED", confirmedAt: now, verificationMethod: "EMAIL" });
    expect(rule(organiserRow!)).toEqual(rule(linkRow!));
    const events = await db.countEvent.findMany({ where: { letterId: letter.id }, orderBy: { id: "asc" } });
    expect(events.map(({ domain, day, delta }) => ({ domain, day, delta }))).toEqual([
      { domain: "microsoft.com", day: new Date("2026-03-04T00:00:00Z"), delta: 1 },
      { domain: "microsoft.com", day: new Date("2026-03-04T00:00:00Z"), delta: 1 },
    ]);
    expect(linkRow!.receiptHash).toMatch(/\S/);
  });

  it("refuses expired and forged tokens, and a withdraw token used to confirm", async () => {
    const { signature } = await pendingSignature();
    const issuedAt = new Date(Date.now() - 49 * HOUR);
    const expired = await issueSignatureToken(db, signature.id, "CONFIRM", issuedAt);
    await expect(confirmSignature(db, expired, new Date())).rejects.toMatchObject({ code: "TOKEN_EXPIRED" });
    expect((await describeTokenLink(db, expired, "CONFIRM", new Date())).kind).toBe("expired");

    // One character off the real token (a different one, whatever the token ends with).
    const oneOff = `${expired.slice(0, -1)}${expired.endsWith("A") ? "B" : "A"}`;
    for (const forged of ["", "x", "A".repeat(43), oneOff, "../../etc/passwd"]) {
      await expect(confirmSignature(db, forged, new Date())).rejects.toMatchObject({ code: "TOKEN_INVALID" });
    }
    const withdrawToken = await issueSignatureToken(db, signature.id, "WITHDRAW", new Date());
    await expect(confirmSignature(db, withdrawToken, new Date())).rejects.toMatchObject({ code: "TOKEN_INVALID" });
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).state).toBe("PENDING");
  });

  it("refuses a confirmation once the letter has closed", async () => {
    const { letter, signature } = await pendingSignature();
    const token = await issueSignatureToken(db, signature.id, "CONFIRM", new Date());
    await db.letter.update({ where: { id: letter.id }, data: { status: "CLOSED" } });
    await expect(confirmSignature(db, token, new Date())).rejects.toMatchObject({ code: "LETTER_NOT_OPEN" });
  });

  it("takes a confirmation and a withdrawal of the same signature at once in turn, never deadlocked, and counts what ends standing", async () => {
    // Both lock the signature row before its tokens; in the other order PostgreSQL would abort
    // one of the two as a deadlock (an error page for a signer).
    for (let round = 0; round < 20; round++) {
      await resetDatabase(db);
      const { letter, signature } = await pendingSignature();
      const [confirm, withdraw] = await Promise.all([
        issueSignatureToken(db, signature.id, "CONFIRM", new Date()),
        issueSignatureToken(db, signature.id, "WITHDRAW", new Date()),
      ]);
      const outcomes = await Promise.all([
        confirmSignature(db, confirm, new Date()).then(
          (r) => r.outcome,
          (e: { code?: string; message: string }) => (e.code && !e.code.startsWith("P") ? e.code : e.message),
        ),
        withdrawSignature(db, withdraw, new Date()).then(
          (r) => r.outcome,
          (e: { code?: string; message: string }) => (e.code && !e.code.startsWith("P") ? e.code : e.message),
        ),
      ]);
      expect([
        ["confirmed", "withdrawn"],
        ["SIGNATURE_ENDED", "withdrawn"],
      ]).toContainEqual(outcomes);
      expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).state).toBe("WITHDRAWN");
      await foldCountEvents(db);
      expect(await totalOf(letter.id)).toBe(0);
    }
  });

  it("withdraws a confirmed signature: it stops counting and leaves the public list; twice is harmless", async () => {
    const { letter, signature } = await pendingSignature();
    await confirmSignature(db, await issueSignatureToken(db, signature.id, "CONFIRM", new Date()), new Date());
    const withdraw = await issueSignatureToken(db, signature.id, "WITHDRAW", new Date());
    expect((await describeTokenLink(db, withdraw, "WITHDRAW", new Date())).kind).toBe("ready");

    expect((await withdrawSignature(db, withdraw, new Date())).outcome).toBe("withdrawn");
    expect((await withdrawSignature(db, withdraw, new Date())).outcome).toBe("already-withdrawn");
    await foldCountEvents(db);
    expect(await totalOf(letter.id)).toBe(0);
    expect(await listPublicSignatures(db, letter.id)).toEqual([]);
    expect((await db.dailyCount.findMany({ where: { letterId: letter.id } })).map((day) => day.total)).toEqual([0]);
  });

  it("erases what a withdrawn signature said about its signer, who may sign again afresh", async () => {
    const { id } = await createLetter(db, { domains: ["microsoft.com"] });
    const letter = await db.letter.update({ where: { id }, data: { collectJobTitle: true, collectTeam: true, allowComments: true } });
    const details = { email: "jane@microsoft.com", name: "Jane Doe", title: "Engineer", team: "Azure", comment: "Cancel the contract." };
    await createSignature({ ...signingDeps(db), sourceKey: "network-key" }, letter.slug, signer(details));
    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
    await confirmSignature(db, await issueSignatureToken(db, signature.id, "CONFIRM", new Date()), new Date());
    await withdrawSignature(db, await issueSignatureToken(db, signature.id, "WITHDRAW", new Date()), new Date());

    const row = await db.signature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(row).toMatchObject({ state: "WITHDRAWN", displayName: "", jobTitle: null, team: null, comment: null, sourceKey: null, domain: "microsoft.com" });
    expect(row.emailKey).not.toBe(signature.emailKey);
    expect(JSON.stringify(row)).not.toMatch(/Jane|Engineer|Azure|Cancel|network-key/);

    await createSignature(signingDeps(db), letter.slug, signer(details));
    const again = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, state: "PENDING" } });
    expect(again).toMatchObject({ emailKey: signature.emailKey, displayName: "Jane Doe" });
    expect(again.id).not.toBe(signature.id);
  });
});
