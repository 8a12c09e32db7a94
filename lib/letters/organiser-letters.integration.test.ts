// Over 250 lines on purpose: every organiser action on a letter's lifecycle, against one database, in the order an organiser meets them.
import { beforeEach, describe, expect, it } from "vitest";
import { acceptInvitations } from "@/lib/auth/accept-invitations";
import { performAccountAction, performLetterAction } from "@/lib/auth/organiser-action";
import { inviteEditor } from "@/lib/organisers/invite-editor";
import { removeEditor, transferOwnership } from "@/lib/organisers/manage-organisers";
import { createSignature } from "@/lib/signatures/create-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { completeDraft, createActor, organiserDeps, versionOf } from "@/tests/support/organisers";
import { signer, signingDeps } from "@/tests/support/signing";
import { closeDueLetters } from "./close-due-letters";
import { closeLetter } from "./close-letter";
import { createLetter as createLetterAction } from "./create-letter";
import { deleteLetter } from "./delete-letter";
import { postStatusUpdate } from "./post-status-update";
import { deleteStatusUpdate } from "./delete-status-update";
import { publishLetter } from "./publish-letter";
import { withdrawFromReview } from "./withdraw-from-review";
import { reviewLetter } from "./review-letter";
import { saveDraft } from "./save-draft";
import { setDemandStatus } from "./set-demand-status";
import { updateOpenLetter } from "./update-open-letter";

const db = connectTestDb();
const deps = (overrides: Parameters<typeof organiserDeps>[1] = {}) => organiserDeps(db, overrides);

async function startDraft() {
  const owner = await createActor(db);
  const { id } = await performAccountAction(deps(), owner, createLetterAction, { title: "Cancel the contract!" });
  return { owner, letterId: id };
}

const statusOf = async (letterId: string) => (await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { status: true } })).status;
const activityOf = async (letterId: string) =>
  (await db.letterActivity.findMany({ where: { letterId }, orderBy: { id: "asc" }, select: { action: true } })).map((entry) => entry.action);

describe("writing and publishing a letter", () => {
  beforeEach(() => resetDatabase(db));

  it("starts a private draft owned by its author, with a readable slug and careful defaults", async () => {
    const { owner, letterId } = await startDraft();
    const letter = await db.letter.findUniqueOrThrow({ where: { id: letterId }, include: { organisers: true } });
    expect(letter).toMatchObject({ status: "DRAFT", title: "Cancel the contract!", discreetEmails: true, publishedAt: null });
    expect(letter.slug).toMatch(/^cancel-the-contract-[0-9a-f]{4}$/);
    expect(letter.organisers).toEqual([expect.objectContaining({ userId: owner.userId, role: "OWNER" })]);
  });

  it("refuses to publish an incomplete draft and says what is missing, field by field", async () => {
    const { owner, letterId } = await startDraft();
    const refusal = await performLetterAction(deps(), owner, publishLetter, letterId, {}).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "LETTER_INCOMPLETE", status: 422 });
    expect(Object.keys((refusal as { fields: object }).fields).sort()).toEqual(["addressee", "bodyMarkdown", "demands", "domains"]);
    expect(await statusOf(letterId)).toBe("DRAFT");
  });

  it("saves a draft with validation per field, then publishes it: open, dated, on the timeline", async () => {
    const { owner, letterId } = await startDraft();
    const invalid = await performLetterAction(deps(), owner, saveDraft, letterId, {
      ...completeDraft("Bad Slug!", { demands: [{ text: " " }], domains: [{ domain: "not a domain" }] }),
      version: await versionOf(db, letterId),
    }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys((invalid as { fields: object }).fields).sort()).toEqual(["demands.0.text", "domains.0.domain", "slug"]);

    await performLetterAction(deps(), owner, saveDraft, letterId, {
      ...completeDraft("cancel-the-contract", { domains: [{ domain: "@Microsoft.com", includeSubdomains: true }] }),
      version: await versionOf(db, letterId),
    });
    const result = await performLetterAction(deps(), owner, publishLetter, letterId, {});
    expect(result).toEqual({ status: "OPEN" });
    const letter = await db.letter.findUniqueOrThrow({
      where: { id: letterId },
      include: { domainRules: true, demands: { orderBy: { position: "asc" } }, statusUpdates: true },
    });
    expect(letter).toMatchObject({ status: "OPEN", slug: "cancel-the-contract", goal: 500 });
    expect(letter.publishedAt).toBeInstanceOf(Date);
    expect(letter.domainRules).toEqual([expect.objectContaining({ domain: "microsoft.com", includeSubdomains: true })]);
    expect(letter.demands.map((demand) => demand.text)).toEqual(["Cancel the contract.", "Publish a human-rights policy."]);
    expect(letter.statusUpdates.map((update) => update.kind)).toEqual(["PUBLISHED"]);
    expect(await activityOf(letterId)).toEqual(["letter.created", "letter.edited", "letter.published"]);
  });

  it("keeps demand ids (and so their statuses) through reordering, and drops removed ones", async () => {
    const { owner, letterId } = await startDraft();
    await performLetterAction(deps(), owner, saveDraft, letterId, {
      ...completeDraft("reorder-me", { demands: [{ text: "A" }, { text: "B" }, { text: "C" }] }),
      version: await versionOf(db, letterId),
    });
    const [a, b, c] = await db.demand.findMany({ where: { letterId }, orderBy: { position: "asc" } });
    await performLetterAction(deps(), owner, saveDraft, letterId, {
      ...completeDraft("reorder-me", { demands: [{ id: c!.id, text: "C" }, { id: a!.id, text: "A, reworded" }, { text: "D" }] }),
      version: await versionOf(db, letterId),
    });
    const after = await db.demand.findMany({ where: { letterId }, orderBy: { position: "asc" } });
    expect(after.map((demand) => [demand.id === c!.id ? "c" : demand.id === a!.id ? "a" : "new", demand.text])).toEqual([
      ["c", "C"],
      ["a", "A, reworded"],
      ["new", "D"],
    ]);
    expect(after.some((demand) => demand.id === b!.id)).toBe(false);
  });

  it("refuses a slug another letter uses, as a field error", async () => {
    const other = await createLetter(db, { slug: "taken-slug" });
    const { owner, letterId } = await startDraft();
    await expect(
      performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft(other.slug), version: await versionOf(db, letterId) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { slug: [expect.stringContaining("already uses")] } });
  });

  it("locks the words once published; only the goal and closing date move", async () => {
    const { owner, letterId } = await startDraft();
    await performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft("locked-words"), version: await versionOf(db, letterId) });
    await performLetterAction(deps(), owner, publishLetter, letterId, {});
    await expect(
      performLetterAction(deps(), owner, saveDraft, letterId, {
        ...completeDraft("locked-words", { title: "Changed" }),
        version: await versionOf(db, letterId),
      }),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    const closesAt = new Date(Date.now() + 7 * 86_400_000);
    await performLetterAction(deps(), owner, updateOpenLetter, letterId, {
      goal: 2000,
      closesAt: closesAt.toISOString(),
      version: await versionOf(db, letterId),
    });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { goal: true, closesAt: true, title: true } })).toEqual({
      goal: 2000,
      closesAt,
      title: "Cancel the contract",
    });
    await expect(
      performLetterAction(deps(), owner, updateOpenLetter, letterId, { goal: 10, closesAt: "2000-01-01", version: await versionOf(db, letterId) }),
    ).rejects.toMatchObject({ fields: { closesAt: expect.any(Array) } });
  });

  it("with REQUIRE_APPROVAL, queues the letter for an admin, who can send it back with a reason or approve it", async () => {
    const { owner, letterId } = await startDraft();
    const admin = await createActor(db, { isAdmin: true });
    const reviewed = deps({ settings: { requireApproval: true, appUrl: "http://localhost:3000", minPublicGroup: 1 } });
    await performLetterAction(reviewed, owner, saveDraft, letterId, { ...completeDraft("needs-review"), version: await versionOf(db, letterId) });
    expect(await performLetterAction(reviewed, owner, publishLetter, letterId, {})).toEqual({ status: "IN_REVIEW" });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { status: true, reviewRequestedAt: true, publishedAt: true } })).toMatchObject({
      status: "IN_REVIEW",
      reviewRequestedAt: expect.any(Date),
      publishedAt: null,
    });

    // Nobody can sign a letter in review.
    await expect(createSignature(signingDeps(db), "needs-review", signer())).rejects.toMatchObject({ code: "LETTER_NOT_FOUND" });
    await expect(performLetterAction(reviewed, admin, reviewLetter, letterId, { decision: "reject", reason: "" })).rejects.toMatchObject({
      fields: { reason: expect.any(Array) },
    });
    await performLetterAction(reviewed, admin, reviewLetter, letterId, { decision: "reject", reason: "Please remove the names of individual managers." });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { status: true, reviewNote: true } })).toEqual({
      status: "DRAFT",
      reviewNote: "Please remove the names of individual managers.",
    });

    await performLetterAction(reviewed, owner, publishLetter, letterId, {});
    await performLetterAction(reviewed, owner, withdrawFromReview, letterId, {});
    expect(await statusOf(letterId)).toBe("DRAFT");
    await performLetterAction(reviewed, owner, publishLetter, letterId, {});
    await performLetterAction(reviewed, admin, reviewLetter, letterId, { decision: "approve" });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { status: true, reviewNote: true } })).toEqual({
      status: "OPEN",
      reviewNote: null,
    });
    await expect(performLetterAction(reviewed, admin, reviewLetter, letterId, { decision: "approve" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await activityOf(letterId)).toEqual([
      "letter.created",
      "letter.edited",
      "letter.submitted-for-review",
      "letter.rejected",
      "letter.submitted-for-review",
      "letter.review-withdrawn",
      "letter.submitted-for-review",
      "letter.approved",
    ]);
  });

  it("lets an admin's own letter skip the queue they would review", async () => {
    const admin = await createActor(db, { isAdmin: true });
    const { id } = await performAccountAction(deps(), admin, createLetterAction, { title: "Admin letter" });
    const reviewed = deps({ settings: { requireApproval: true, appUrl: "http://localhost:3000", minPublicGroup: 1 } });
    await performLetterAction(reviewed, admin, saveDraft, id, { ...completeDraft("admin-letter"), version: await versionOf(db, id) });
    expect(await performLetterAction(reviewed, admin, publishLetter, id, {})).toEqual({ status: "OPEN" });
  });
});

describe("closing a letter", () => {
  beforeEach(() => resetDatabase(db));

  it("by hand: final, on the timeline, and signing is refused", async () => {
    const { owner, letterId } = await startDraft();
    await performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft("close-me"), version: await versionOf(db, letterId) });
    await performLetterAction(deps(), owner, publishLetter, letterId, {});
    // Final, so it takes a second step: without the ticked confirmation nothing changes.
    await expect(performLetterAction(deps(), owner, closeLetter, letterId, {})).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { confirm: ["Tick the box to confirm that closing is final."] },
    });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { status: true } })).toEqual({ status: "OPEN" });
    await performLetterAction(deps(), owner, closeLetter, letterId, { confirm: "close" });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { status: true, closedAt: true } })).toMatchObject({
      status: "CLOSED",
      closedAt: expect.any(Date),
    });
    await expect(createSignature(signingDeps(db), "close-me", signer())).rejects.toMatchObject({ code: "LETTER_NOT_OPEN" });
    await expect(performLetterAction(deps(), owner, closeLetter, letterId, { confirm: "close" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(performLetterAction(deps(), owner, publishLetter, letterId, {})).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("at its closing date, by the job, once, whoever runs it", async () => {
    const now = new Date();
    const due = await createLetter(db, { status: "OPEN" });
    const later = await createLetter(db, { status: "OPEN" });
    await db.letter.update({ where: { id: due.id }, data: { closesAt: new Date(now.getTime() - 1000) } });
    await db.letter.update({ where: { id: later.id }, data: { closesAt: new Date(now.getTime() + 86_400_000) } });
    const results = await Promise.all([closeDueLetters(db, now), closeDueLetters(db, now)]);
    expect(results[0]! + results[1]!).toBe(1);
    expect(await statusOf(due.id)).toBe("CLOSED");
    expect(await statusOf(later.id)).toBe("OPEN");
    expect(await db.letterActivity.findMany({ where: { letterId: due.id }, select: { action: true, actorId: true } })).toEqual([
      { action: "letter.closed", actorId: null },
    ]);
  });
});

describe("keeping status true", () => {
  beforeEach(() => resetDatabase(db));

  async function openLetter() {
    const { owner, letterId } = await startDraft();
    await performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft("status-letter"), version: await versionOf(db, letterId) });
    await performLetterAction(deps(), owner, publishLetter, letterId, {});
    return { owner, letterId };
  }

  it("posts dated updates of each kind, refusing a response without its text and a date in the future", async () => {
    const { owner, letterId } = await openLetter();
    await performLetterAction(deps(), owner, postStatusUpdate, letterId, {
      kind: "DELIVERED",
      body: "",
      occurredAt: "2026-11-20",
      version: await versionOf(db, letterId),
    });
    await expect(
      performLetterAction(deps(), owner, postStatusUpdate, letterId, { kind: "RESPONSE", body: " ", version: await versionOf(db, letterId) }),
    ).rejects.toMatchObject({ fields: { body: expect.any(Array) } });
    await performLetterAction(deps(), owner, postStatusUpdate, letterId, {
      kind: "RESPONSE",
      body: "We will review the contract.",
      version: await versionOf(db, letterId),
    });
    await expect(
      performLetterAction(deps(), owner, postStatusUpdate, letterId, {
        kind: "NOTE",
        body: "Soon",
        occurredAt: "2999-01-01",
        version: await versionOf(db, letterId),
      }),
    ).rejects.toMatchObject({ fields: { occurredAt: expect.any(Array) } });
    await expect(
      performLetterAction(deps(), owner, postStatusUpdate, letterId, { kind: "PUBLISHED", body: "fake", version: await versionOf(db, letterId) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const updates = await db.statusUpdate.findMany({ where: { letterId }, orderBy: { occurredAt: "asc" }, select: { kind: true, body: true } });
    expect(updates).toEqual([
      { kind: "DELIVERED", body: "The letter was delivered to The CEO of Example Corp." },
      { kind: "PUBLISHED", body: expect.any(String) },
      { kind: "RESPONSE", body: "We will review the contract." },
    ]);
  });

  it("removes an update posted by mistake, but not the platform's own", async () => {
    const { owner, letterId } = await openLetter();
    const note = await performLetterAction(deps(), owner, postStatusUpdate, letterId, { kind: "NOTE", body: "Oops", version: await versionOf(db, letterId) });
    await performLetterAction(deps(), owner, deleteStatusUpdate, letterId, { updateId: note.id, version: await versionOf(db, letterId) });
    const published = await db.statusUpdate.findFirstOrThrow({ where: { letterId, kind: "PUBLISHED" } });
    await expect(
      performLetterAction(deps(), owner, deleteStatusUpdate, letterId, { updateId: published.id, version: await versionOf(db, letterId) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.statusUpdate.count({ where: { letterId } })).toBe(1);
  });

  it("sets a demand's status and writes the change on the timeline; refuses demands of other letters", async () => {
    const { owner, letterId } = await openLetter();
    const [first] = await db.demand.findMany({ where: { letterId }, orderBy: { position: "asc" } });
    await performLetterAction(deps(), owner, setDemandStatus, letterId, {
      demandId: first!.id,
      status: "MET",
      note: "Announced at the all-hands.",
      version: await versionOf(db, letterId),
    });
    expect(await db.demand.findUniqueOrThrow({ where: { id: first!.id }, select: { status: true } })).toEqual({ status: "MET" });
    const change = await db.statusUpdate.findFirstOrThrow({ where: { letterId, kind: "DEMAND_CHANGE" } });
    expect(change).toMatchObject({ demandId: first!.id, body: "Demand 1 was met: “Cancel the contract.”\n\nAnnounced at the all-hands." });

    const other = await createLetter(db);
    const foreignDemand = await db.demand.findFirstOrThrow({ where: { letterId: other.id } });
    await expect(
      performLetterAction(deps(), owner, setDemandStatus, letterId, { demandId: foreignDemand.id, status: "MET", version: await versionOf(db, letterId) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("refuses updates on a draft", async () => {
    const { owner, letterId } = await startDraft();
    await expect(
      performLetterAction(deps(), owner, postStatusUpdate, letterId, { kind: "NOTE", body: "Too early", version: await versionOf(db, letterId) }),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });
});

describe("the organising team", () => {
  beforeEach(() => resetDatabase(db));

  it("invites an editor by email, who joins on signing in and can edit but not delete or transfer", async () => {
    const { owner, letterId } = await startDraft();
    await performLetterAction(deps(), owner, inviteEditor, letterId, { email: " Colleague@Example.ORG " });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: "organiser-invitation" } });
    expect(email.to).toBe("colleague@example.org");

    const colleague = await createActor(db, { email: "colleague@example.org" });
    expect(await acceptInvitations(db, { id: colleague.userId, email: colleague.email }, new Date())).toBe(1);
    await performLetterAction(deps(), colleague, saveDraft, letterId, { ...completeDraft("team-letter"), version: await versionOf(db, letterId) });
    await expect(performLetterAction(deps(), colleague, deleteLetter, letterId, { confirmSlug: "team-letter" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(performLetterAction(deps(), colleague, transferOwnership, letterId, { userId: colleague.userId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(performLetterAction(deps(), owner, inviteEditor, letterId, { email: "colleague@example.org" })).rejects.toMatchObject({
      fields: { email: expect.any(Array) },
    });

    await performLetterAction(deps(), owner, transferOwnership, letterId, { userId: colleague.userId });
    const roles = await db.letterOrganiser.findMany({ where: { letterId }, select: { userId: true, role: true } });
    expect(new Map(roles.map((row) => [row.userId, row.role]))).toEqual(
      new Map([
        [colleague.userId, "OWNER"],
        [owner.userId, "EDITOR"],
      ]),
    );
    await performLetterAction(deps(), colleague, removeEditor, letterId, { userId: owner.userId });
    expect(await db.letterOrganiser.count({ where: { letterId } })).toBe(1);
  });

  it("does not accept an expired invitation", async () => {
    const { owner, letterId } = await startDraft();
    await performLetterAction(deps(), owner, inviteEditor, letterId, { email: "late@example.org" });
    const late = await createActor(db, { email: "late@example.org" });
    expect(await acceptInvitations(db, { id: late.userId, email: late.email }, new Date(Date.now() + 15 * 86_400_000))).toBe(0);
    expect(await db.letterOrganiser.count({ where: { letterId, userId: late.userId } })).toBe(0);
  });

  it("deletes a letter with everything under it, including unsent emails to its signers", async () => {
    const { owner, letterId } = await startDraft();
    await performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft("delete-me"), version: await versionOf(db, letterId) });
    await performLetterAction(deps(), owner, publishLetter, letterId, {});
    await createSignature(signingDeps(db), "delete-me", signer());
    const unrelated = await createLetter(db);
    await createSignature(signingDeps(db), unrelated.slug, signer());
    expect(await db.outboxEmail.count()).toBe(2);

    await expect(performLetterAction(deps(), owner, deleteLetter, letterId, { confirmSlug: "wrong" })).rejects.toMatchObject({
      fields: { confirmSlug: expect.any(Array) },
    });
    await performLetterAction(deps(), owner, deleteLetter, letterId, { confirmSlug: "delete-me" });
    expect(await db.letter.count({ where: { id: letterId } })).toBe(0);
    expect(await db.signature.count({ where: { letterId } })).toBe(0);
    expect(await db.outboxEmail.count()).toBe(1);
  });
});
