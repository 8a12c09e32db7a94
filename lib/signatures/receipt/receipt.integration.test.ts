import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { hashToken } from "@/lib/security/tokens";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, signingDeps } from "@/tests/support/signing";
import { confirmSignature } from "../confirm-signature";
import { createSignature } from "../create-signature";
import { issueSignatureToken } from "../issue-token";
import { listPublicSignatures } from "../list-public-signatures";
import { changeAppearance } from "./change-appearance";
import { describeReceipt } from "./describe-receipt";
import { withdrawByReceipt } from "./withdraw-by-receipt";

const db = connectTestDb();
const totalOf = async (letterId: string) => (await db.letterCount.findUnique({ where: { letterId } }))?.total ?? 0;

async function confirmedWithReceipt(options: { anonymous?: boolean; allowPublicNames?: boolean } = {}) {
  const letter = await createLetter(db, { domains: ["microsoft.com"] });
  if (options.allowPublicNames === false) await db.letter.update({ where: { id: letter.id }, data: { allowPublicNames: false } });
  await createSignature(signingDeps(db), letter.slug, signer({ email: "jane@microsoft.com", anonymous: options.anonymous ?? false }));
  const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
  const link = await issueSignatureToken(db, signature.id, "CONFIRM", new Date());
  const { receipt } = await confirmSignature(db, link, new Date());
  if (!receipt) throw new Error("no receipt");
  return { letter, signature, link, receipt };
}

describe("a signer's private receipt", () => {
  beforeEach(() => resetDatabase(db));

  it("is given once, to the press that confirmed, and stored only as a hash", async () => {
    const { signature, link, receipt } = await confirmedWithReceipt();
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.signature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(row.receiptHash).toBe(hashToken(receipt));
    const rows = [await db.signature.findMany(), await db.signatureToken.findMany(), await db.outboxEmail.findMany()];
    const everything = JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
    expect(everything).not.toContain(receipt);
    // Pressing again, or any other link of the same signature, gives no second receipt.
    expect(await confirmSignature(db, link, new Date())).toEqual(expect.not.objectContaining({ receipt: expect.anything() }));
  });

  it("shows the signature as the public sees it, its state and the letter's news, and opening it changes nothing", async () => {
    const { letter, receipt } = await confirmedWithReceipt();
    await db.statusUpdate.create({ data: { letterId: letter.id, kind: "DELIVERED", body: "Handed to the CEO.", occurredAt: new Date() } });
    const before = await db.signature.findFirstOrThrow();
    for (let i = 0; i < 3; i++) {
      expect(await describeReceipt(db, receipt)).toMatchObject({
        kind: "found",
        state: "counted",
        appearsAs: { name: "Jane Doe", domain: "microsoft.com" },
        showName: true,
        mayShowName: true,
        updates: [expect.objectContaining({ kind: "DELIVERED", body: "Handed to the CEO." })],
      });
    }
    expect(await db.signature.findFirstOrThrow()).toEqual(before);
  });

  it("turns a name anonymous and back, as the public list shows, without moving the count", async () => {
    const { letter, receipt } = await confirmedWithReceipt();
    await foldCountEvents(db);
    const publicName = async () => (await listPublicSignatures(db, letter.id))[0]?.name;
    expect(await publicName()).toBe("Jane Doe");

    expect(await changeAppearance(db, receipt, { display: "anonymous" })).toEqual({ letterSlug: letter.slug, showName: false });
    expect(await publicName()).toBeNull();
    expect(await describeReceipt(db, receipt)).toMatchObject({ appearsAs: { name: null }, showName: false });

    await changeAppearance(db, receipt, { display: "name" });
    expect(await publicName()).toBe("Jane Doe");
    await foldCountEvents(db);
    expect(await totalOf(letter.id)).toBe(1);
  });

  it("refuses a name on a letter that shows none, and input that is neither choice", async () => {
    const { receipt } = await confirmedWithReceipt({ anonymous: true, allowPublicNames: false });
    await expect(changeAppearance(db, receipt, { display: "name" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { display: [expect.stringMatching(/does not show/)] },
    });
    await expect(changeAppearance(db, receipt, { display: "loud" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(changeAppearance(db, receipt, null)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await db.signature.findFirstOrThrow()).showName).toBe(false);
  });

  it("withdraws: the signature stops counting and is erased, the receipt says so, and twice is harmless", async () => {
    const { letter, receipt } = await confirmedWithReceipt();
    expect(await withdrawByReceipt(db, receipt, new Date())).toEqual({ outcome: "withdrawn", letterSlug: letter.slug });
    expect(await withdrawByReceipt(db, receipt, new Date())).toEqual({ outcome: "already-withdrawn", letterSlug: letter.slug });
    await foldCountEvents(db);
    expect(await totalOf(letter.id)).toBe(0);
    expect(await db.signature.findFirstOrThrow()).toMatchObject({ state: "WITHDRAWN", displayName: "" });
    expect(await describeReceipt(db, receipt)).toMatchObject({ kind: "found", state: "withdrawn", appearsAs: { name: null } });
    await expect(changeAppearance(db, receipt, { display: "name" })).rejects.toMatchObject({ code: "SIGNATURE_ENDED" });
  });

  it("knows nothing of a forged receipt", async () => {
    const { receipt } = await confirmedWithReceipt();
    const oneOff = `${receipt.slice(0, -1)}${receipt.endsWith("A") ? "B" : "A"}`;
    for (const forged of ["", "x", "A".repeat(43), oneOff, "../../etc/passwd"]) {
      expect(await describeReceipt(db, forged)).toEqual({ kind: "invalid" });
      await expect(changeAppearance(db, forged, { display: "anonymous" })).rejects.toMatchObject({ code: "TOKEN_INVALID" });
      await expect(withdrawByReceipt(db, forged, new Date())).rejects.toMatchObject({ code: "TOKEN_INVALID" });
    }
  });
});
