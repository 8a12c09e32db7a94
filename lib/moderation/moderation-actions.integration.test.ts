// Over 250 lines on purpose: each moderation action with what it changes and what it must leave alone.
import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { getExactLetterTotal } from "@/lib/counts/get-letter-total";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { issueSignatureToken } from "@/lib/signatures/issue-token";
import { listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor, createSignatureRow, perform } from "@/tests/support/moderation";
import { bulkInvalidateSignatures } from "./bulk-invalidate-signatures";
import { invalidateSignature } from "./invalidate-signature";
import { previewBulkInvalidation } from "./preview-bulk-invalidation";
import { setSignatureCommentHidden, setSignatureNameHidden } from "./set-signature-visibility";
import { ZSignatureFilter } from "./signature-filter";
import { sourceLabel } from "./source-label";

const db = connectTestDb();
const HOUR = 60 * 60 * 1000;

async function letterWithEditor() {
  const letter = await createLetter(db, { domains: ["example.com", "other.org"] });
  const editor = await createActor(db, letter.id, "EDITOR");
  return { letter, editor };
}

const activityOf = (letterId: string) => db.letterActivity.findMany({ where: { letterId }, orderBy: { id: "asc" } });
// Confirmed rows from createSignatureRow come with their +1; what moderation adds is the -1s.
const uncountingEventsOf = (letterId: string) => db.countEvent.findMany({ where: { letterId, delta: -1 }, orderBy: { id: "asc" } });

describe("hiding a name or a comment", () => {
  beforeEach(() => resetDatabase(db));

  it("hides a public name and a comment from the public list, keeps counting, and shows them again", async () => {
    const { letter, editor } = await letterWithEditor();
    const signature = await createSignatureRow(db, letter.id, { name: "Pat Public", comment: "Long overdue." });

    await perform(db, editor, setSignatureNameHidden, letter.id, { signatureId: signature.id, hidden: "true" });
    await perform(db, editor, setSignatureCommentHidden, letter.id, { signatureId: signature.id, hidden: true });
    expect(await listPublicSignatures(db, letter.id)).toEqual([expect.objectContaining({ name: null, comment: null, domain: "example.com" })]);
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).state).toBe("CONFIRMED");

    await perform(db, editor, setSignatureNameHidden, letter.id, { signatureId: signature.id, hidden: "false" });
    await perform(db, editor, setSignatureCommentHidden, letter.id, { signatureId: signature.id, hidden: false });
    expect(await listPublicSignatures(db, letter.id)).toEqual([expect.objectContaining({ name: "Pat Public", comment: "Long overdue." })]);

    const activity = await activityOf(letter.id);
    expect(activity.map((entry) => entry.action)).toEqual([
      "signature.name-hidden",
      "signature.comment-hidden",
      "signature.name-shown",
      "signature.comment-shown",
    ]);
    expect(activity.every((entry) => entry.actorId === editor.userId)).toBe(true);
    expect(activity[0]?.detail).toEqual({ signatureId: signature.id, domain: "example.com" });
  });

  it("records nothing when the name already has the wanted state", async () => {
    const { letter, editor } = await letterWithEditor();
    const signature = await createSignatureRow(db, letter.id);
    expect(await perform(db, editor, setSignatureNameHidden, letter.id, { signatureId: signature.id, hidden: false })).toEqual({
      changed: false,
      hidden: false,
    });
    expect(await activityOf(letter.id)).toEqual([]);
  });

  it("refuses a signature of another letter, and changes nothing there", async () => {
    const { letter, editor } = await letterWithEditor();
    const elsewhere = await createLetter(db);
    const theirs = await createSignatureRow(db, elsewhere.id);
    await expect(perform(db, editor, setSignatureNameHidden, letter.id, { signatureId: theirs.id, hidden: true })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { signatureId: [expect.any(String)] },
    });
    expect((await db.signature.findUniqueOrThrow({ where: { id: theirs.id } })).nameHidden).toBe(false);
    expect(await db.letterActivity.count()).toBe(0);
  });
});

describe("invalidating one signature", () => {
  beforeEach(() => resetDatabase(db));

  it("uncounts a confirmed signature on the day it was counted, stores the reason and burns its links", async () => {
    const { letter, editor } = await letterWithEditor();
    const confirmedAt = new Date("2026-11-01T23:30:00Z");
    const signature = await createSignatureRow(db, letter.id, { domain: "other.org", confirmedAt, createdAt: new Date("2026-11-01T23:00:00Z") });
    await issueSignatureToken(db, signature.id, "WITHDRAW", new Date());
    expect(await db.signatureToken.count({ where: { signatureId: signature.id, usedAt: null } })).toBe(1);
    const now = new Date("2026-11-20T10:00:00Z");

    const outcome = await perform(db, editor, invalidateSignature, letter.id, { signatureId: signature.id, reason: "  Not an employee.  " }, now);

    expect(outcome).toEqual({ outcome: "invalidated", wasCounted: true });
    const stored = await db.signature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(stored).toMatchObject({ state: "INVALIDATED", invalidationReason: "Not an employee.", endedAt: now });
    expect(await uncountingEventsOf(letter.id)).toEqual([expect.objectContaining({ domain: "other.org", delta: -1, day: new Date("2026-11-01T00:00:00Z") })]);
    expect(await db.signatureToken.count({ where: { signatureId: signature.id, usedAt: null } })).toBe(0);
    const [entry] = await activityOf(letter.id);
    expect(entry).toMatchObject({
      action: "signature.invalidated",
      actorId: editor.userId,
      detail: { signatureId: signature.id, domain: "other.org", reason: "Not an employee.", previousState: "CONFIRMED" },
    });
  });

  it("invalidates a pending signature without touching the count, and its confirm link can no longer revive it", async () => {
    const { letter, editor } = await letterWithEditor();
    const signature = await createSignatureRow(db, letter.id, { state: "PENDING" });
    const confirmLink = await issueSignatureToken(db, signature.id, "CONFIRM", new Date());

    expect(await perform(db, editor, invalidateSignature, letter.id, { signatureId: signature.id, reason: "Flood from one source" })).toEqual({
      outcome: "invalidated",
      wasCounted: false,
    });
    expect(await uncountingEventsOf(letter.id)).toEqual([]);
    await expect(confirmSignature(db, confirmLink, new Date())).rejects.toMatchObject({ code: "TOKEN_USED" });
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).state).toBe("INVALIDATED");
  });

  it("requires a reason, refuses a withdrawn signature, and is harmless to repeat", async () => {
    const { letter, editor } = await letterWithEditor();
    const signature = await createSignatureRow(db, letter.id);
    await expect(perform(db, editor, invalidateSignature, letter.id, { signatureId: signature.id, reason: " " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { reason: [expect.any(String)] },
    });
    const withdrawn = await createSignatureRow(db, letter.id, { state: "WITHDRAWN" });
    await expect(perform(db, editor, invalidateSignature, letter.id, { signatureId: withdrawn.id, reason: "Spam" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });

    await perform(db, editor, invalidateSignature, letter.id, { signatureId: signature.id, reason: "Spam" });
    expect(await perform(db, editor, invalidateSignature, letter.id, { signatureId: signature.id, reason: "Spam again" })).toEqual({
      outcome: "already-invalidated",
      wasCounted: false,
    });
    expect(await uncountingEventsOf(letter.id)).toHaveLength(1);
    expect(await activityOf(letter.id)).toHaveLength(1);
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).invalidationReason).toBe("Spam");
  });
});

describe("bulk invalidation", () => {
  beforeEach(() => resetDatabase(db));

  async function flood() {
    const letter = await createLetter(db, { domains: ["example.com", "other.org"] });
    const owner = await createActor(db, letter.id, "OWNER");
    const t0 = new Date("2026-11-10T12:00:00Z");
    const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
    const flooder = "source-key-of-the-flood";
    const rows = {
      floodConfirmed: await createSignatureRow(db, letter.id, { domain: "other.org", sourceKey: flooder, createdAt: at(1) }),
      floodPending: await createSignatureRow(db, letter.id, { domain: "other.org", sourceKey: flooder, createdAt: at(1.5), state: "PENDING" }),
      floodExample: await createSignatureRow(db, letter.id, { domain: "example.com", sourceKey: flooder, createdAt: at(2) }),
      floodWithdrawn: await createSignatureRow(db, letter.id, { domain: "other.org", sourceKey: flooder, createdAt: at(2), state: "WITHDRAWN" }),
      earlyOther: await createSignatureRow(db, letter.id, { domain: "other.org", createdAt: at(-5) }),
      genuine: await createSignatureRow(db, letter.id, { domain: "example.com", createdAt: at(1) }),
    };
    return { letter, owner, at, rows, floodLabel: sourceLabel(letter.id, flooder) };
  }

  const filter = (input: Record<string, string>) => ZSignatureFilter.parse(input);

  it("previews by domain, time window and source, alone or combined", async () => {
    const { letter, at, floodLabel } = await flood();
    expect(await previewBulkInvalidation(db, letter.id, filter({ domain: "@Other.org" }))).toEqual({ pending: 1, confirmed: 2, total: 3 });
    expect(await previewBulkInvalidation(db, letter.id, filter({ from: at(0).toISOString(), to: at(2).toISOString() }))).toEqual({
      pending: 1,
      confirmed: 2,
      total: 3,
    });
    expect(await previewBulkInvalidation(db, letter.id, filter({ source: floodLabel }))).toEqual({ pending: 1, confirmed: 2, total: 3 });
    expect(await previewBulkInvalidation(db, letter.id, filter({ source: floodLabel, domain: "other.org", to: at(1.25).toISOString() }))).toEqual({
      pending: 0,
      confirmed: 1,
      total: 1,
    });
  });

  it("invalidates exactly what the preview counted, uncounts the confirmed ones and records one entry", async () => {
    const { letter, owner, rows, floodLabel } = await flood();
    const chosen = filter({ source: floodLabel, domain: "other.org" });
    const preview = await previewBulkInvalidation(db, letter.id, chosen);
    const countedBefore = await getExactLetterTotal(db, letter.id);

    const result = await perform(db, owner, bulkInvalidateSignatures, letter.id, {
      filter: { source: floodLabel, domain: "other.org" },
      reason: "One source, many names",
    });

    expect(result).toEqual(preview);
    expect(result).toEqual({ pending: 1, confirmed: 1, total: 2 });
    const states = Object.fromEntries(
      await Promise.all(Object.entries(rows).map(async ([key, row]) => [key, (await db.signature.findUniqueOrThrow({ where: { id: row.id } })).state])),
    );
    expect(states).toEqual({
      floodConfirmed: "INVALIDATED",
      floodPending: "INVALIDATED",
      floodExample: "CONFIRMED",
      floodWithdrawn: "WITHDRAWN",
      earlyOther: "CONFIRMED",
      genuine: "CONFIRMED",
    });
    expect((await db.signature.findUniqueOrThrow({ where: { id: rows.floodPending.id } })).invalidationReason).toBe("One source, many names");
    expect(await uncountingEventsOf(letter.id)).toEqual([expect.objectContaining({ domain: "other.org", delta: -1 })]);
    await foldCountEvents(db);
    expect(await getExactLetterTotal(db, letter.id)).toBe(countedBefore - 1);
    expect(await previewBulkInvalidation(db, letter.id, chosen)).toEqual({ pending: 0, confirmed: 0, total: 0 });

    const activity = await activityOf(letter.id);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({
      action: "signatures.bulk-invalidated",
      actorId: owner.userId,
      detail: { filter: { source: floodLabel, domain: "other.org" }, reason: "One source, many names", pending: 1, confirmed: 1, total: 2 },
    });
  });

  it("reports what it actually ended when signatures changed since the preview", async () => {
    const { letter, owner, rows } = await flood();
    expect(await previewBulkInvalidation(db, letter.id, filter({ domain: "other.org" }))).toMatchObject({ total: 3 });
    await db.signature.update({ where: { id: rows.floodConfirmed.id }, data: { state: "WITHDRAWN", endedAt: new Date() } });

    const result = await perform(db, owner, bulkInvalidateSignatures, letter.id, { filter: { domain: "other.org" }, reason: "Not our company" });

    expect(result).toEqual({ pending: 1, confirmed: 1, total: 2 });
    expect((await db.signature.findUniqueOrThrow({ where: { id: rows.floodConfirmed.id } })).state).toBe("WITHDRAWN");
    expect(await uncountingEventsOf(letter.id)).toHaveLength(1);
  });

  it("burns the links of everything it invalidates", async () => {
    const { letter, owner, rows } = await flood();
    const link = await issueSignatureToken(db, rows.floodPending.id, "CONFIRM", new Date());
    await perform(db, owner, bulkInvalidateSignatures, letter.id, { filter: { domain: "other.org" }, reason: "Not our company" });
    await expect(confirmSignature(db, link, new Date())).rejects.toMatchObject({ code: "TOKEN_USED" });
    expect(await db.signatureToken.count({ where: { usedAt: null } })).toBe(0);
  });

  it("is refused to an editor, and to a filter that would match everything", async () => {
    const { letter, rows } = await flood();
    const editor = await createActor(db, letter.id, "EDITOR");
    await expect(perform(db, editor, bulkInvalidateSignatures, letter.id, { filter: { domain: "other.org" }, reason: "Spam" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const owner = await createActor(db, letter.id, "OWNER");
    await expect(perform(db, owner, bulkInvalidateSignatures, letter.id, { filter: { domain: "" }, reason: "Spam" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect((await db.signature.findUniqueOrThrow({ where: { id: rows.floodConfirmed.id } })).state).toBe("CONFIRMED");
    expect(await db.letterActivity.count()).toBe(0);
  });
});
