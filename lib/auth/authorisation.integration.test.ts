import { beforeEach, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/prisma";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { addOrganiser, completeDraft, createActor, organiserDeps } from "@/tests/support/organisers";
import { ACCOUNT_ACTIONS, LETTER_ACTIONS } from "./all-organiser-actions";
import { performAccountAction, performLetterAction } from "./organiser-action";
import { hasRole } from "./roles";
import { generateOrganiserCode } from "@/lib/signatures/organiser-code";

// Every organiser action, run by people who must not be able to run it. A letter's drafts,
// signers and delivery are the organisers' alone: a stranger learns nothing (404), a signed-out
// visitor is asked to sign in (401), an editor cannot do what only the owner may (403), and in
// every case nothing in the database changes. A new action that is not in VALID_INPUT fails here.

const db = connectTestDb();

type TFixture = { letterId: string; slug: string; signatureId: string; demandId: string; updateId: string; editorUserId: string; invitationId: string };

/** An input each action would accept, so that a refusal is the authorisation's and not the schema's. */
const VALID_INPUT: Record<string, (fixture: TFixture) => unknown> = {
  saveDraft: (f) => ({ ...completeDraft(f.slug), version: 1 }),
  updateOpenLetter: () => ({ goal: 1000, closesAt: "", version: 1 }),
  publishLetter: () => ({}),
  withdrawFromReview: () => ({}),
  reviewLetter: () => ({ decision: "approve" }),
  closeLetter: () => ({ confirm: "close" }),
  postStatusUpdate: () => ({ kind: "DELIVERED", body: "", version: 1 }),
  deleteStatusUpdate: (f) => ({ updateId: f.updateId, version: 1 }),
  setDemandStatus: (f) => ({ demandId: f.demandId, status: "MET", version: 1 }),
  inviteEditor: () => ({ email: "new-editor@example.org" }),
  revokeInvitation: (f) => ({ invitationId: f.invitationId }),
  removeEditor: (f) => ({ userId: f.editorUserId }),
  transferOwnership: (f) => ({ userId: f.editorUserId }),
  deleteLetter: (f) => ({ confirmSlug: f.slug }),
  setQuietLaunch: () => ({ visibility: "unlisted", listAtSignatures: "60", version: 1 }),
  makeLetterPublic: () => ({}),
  createLetter: () => ({ title: "A new letter" }),
  setSignatureNameHidden: (f) => ({ signatureId: f.signatureId, hidden: true }),
  setSignatureCommentHidden: (f) => ({ signatureId: f.signatureId, hidden: true }),
  invalidateSignature: (f) => ({ signatureId: f.signatureId, reason: "A fake signature." }),
  bulkInvalidateSignatures: () => ({ filter: { domain: "example.com" }, reason: "A flood of fakes." }),
  exportSignatures: () => ({}),
  lookUpOrganiserCode: () => ({ code: generateOrganiserCode() }),
  verifyOrganiserCode: () => ({ code: generateOrganiserCode() }),
  rejectOrganiserCode: () => ({ code: generateOrganiserCode(), reason: "Not an employee." }),
};

async function snapshot(database: TDb): Promise<string> {
  const rows = await database.$queryRaw<{ table: string; rows: unknown }[]>`
    SELECT 'Letter' AS table, json_agg(l ORDER BY id) AS rows FROM "Letter" l
    UNION ALL SELECT 'Demand', json_agg(d ORDER BY id) FROM "Demand" d
    UNION ALL SELECT 'StatusUpdate', json_agg(s ORDER BY id) FROM "StatusUpdate" s
    UNION ALL SELECT 'LetterOrganiser', json_agg(o ORDER BY "userId") FROM "LetterOrganiser" o
    UNION ALL SELECT 'OrganiserInvitation', json_agg(i ORDER BY id) FROM "OrganiserInvitation" i
    UNION ALL SELECT 'LetterActivity', json_agg(a ORDER BY id) FROM "LetterActivity" a
    UNION ALL SELECT 'Signature', json_agg(g ORDER BY id) FROM "Signature" g
    UNION ALL SELECT 'SignatureToken', json_agg(t ORDER BY id) FROM "SignatureToken" t
    UNION ALL SELECT 'CountEvent', json_agg(c ORDER BY id) FROM "CountEvent" c
    UNION ALL SELECT 'OutboxEmail', json_agg(e ORDER BY id) FROM "OutboxEmail" e`;
  return JSON.stringify(rows);
}

async function seed(): Promise<TFixture & { owner: Awaited<ReturnType<typeof createActor>>; editor: Awaited<ReturnType<typeof createActor>> }> {
  // Unlisted, so that making it public is something a refused action could have done.
  const letter = await createLetter(db, { statusUpdates: [], listed: false, listAtSignatures: 50 });
  const owner = await createActor(db);
  const editor = await createActor(db);
  await addOrganiser(db, letter.id, owner, "OWNER");
  await addOrganiser(db, letter.id, editor, "EDITOR");
  const demand = await db.demand.findFirstOrThrow({ where: { letterId: letter.id } });
  const update = await db.statusUpdate.create({ data: { letterId: letter.id, kind: "NOTE", body: "A note", occurredAt: new Date(), authorId: owner.userId } });
  const invitation = await db.organiserInvitation.create({
    data: { letterId: letter.id, email: "invited@example.org", expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const signature = await db.signature.create({
    data: {
      letterId: letter.id,
      emailKey: "k1",
      domain: "example.com",
      displayName: "Signer",
      comment: "Hi",
      showName: true,
      state: "CONFIRMED",
      confirmedAt: new Date(),
    },
  });
  return {
    letterId: letter.id,
    slug: letter.slug,
    signatureId: signature.id,
    demandId: demand.id,
    updateId: update.id,
    editorUserId: editor.userId,
    invitationId: invitation.id,
    owner,
    editor,
  };
}

describe("authorisation of organiser actions", () => {
  beforeEach(() => resetDatabase(db));

  it("has a valid input for every action, so that each refusal below is the authorisation's", () => {
    const names = [...LETTER_ACTIONS, ...ACCOUNT_ACTIONS].map((action) => action.name);
    expect(names.filter((name) => !(name in VALID_INPUT))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(LETTER_ACTIONS.map((action) => [action.name, action] as const))(
    "%s: refuses a signed-out visitor (401) and a stranger (404), changing nothing",
    async (name, action) => {
      const fixture = await seed();
      const stranger = await createActor(db);
      const input = VALID_INPUT[name]!(fixture);
      const before = await snapshot(db);

      await expect(performLetterAction(organiserDeps(db), null, action, fixture.letterId, input)).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        status: 401,
      });
      await expect(performLetterAction(organiserDeps(db), stranger, action, fixture.letterId, input)).rejects.toMatchObject({
        code: "LETTER_NOT_FOUND",
        status: 404,
      });
      // A stranger probing ids learns nothing from a malformed one either.
      await expect(performLetterAction(organiserDeps(db), stranger, action, "not-a-uuid", input)).rejects.toMatchObject({ code: "LETTER_NOT_FOUND" });
      expect(await snapshot(db)).toBe(before);
    },
  );

  it.each(LETTER_ACTIONS.filter((action) => !hasRole("EDITOR", action.requires)).map((action) => [action.name, action] as const))(
    "%s: refuses an editor (403), changing nothing",
    async (name, action) => {
      const fixture = await seed();
      const before = await snapshot(db);
      await expect(performLetterAction(organiserDeps(db), fixture.editor, action, fixture.letterId, VALID_INPUT[name]!(fixture))).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
      });
      expect(await snapshot(db)).toBe(before);
    },
  );

  it.each(LETTER_ACTIONS.filter((action) => action.requires === "ADMIN").map((action) => [action.name, action] as const))(
    "%s: refuses even the letter's owner, being for platform admins",
    async (name, action) => {
      const fixture = await seed();
      const before = await snapshot(db);
      await expect(performLetterAction(organiserDeps(db), fixture.owner, action, fixture.letterId, VALID_INPUT[name]!(fixture))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await snapshot(db)).toBe(before);
    },
  );

  it.each(ACCOUNT_ACTIONS.map((action) => [action.name, action] as const))("%s: refuses a signed-out visitor (401), changing nothing", async (name, action) => {
    const fixture = await seed();
    const before = await snapshot(db);
    await expect(performAccountAction(organiserDeps(db), null, action, VALID_INPUT[name]!(fixture))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await snapshot(db)).toBe(before);
  });

  it("lets a platform admin act on any letter as its owner would", async () => {
    const fixture = await seed();
    const admin = await createActor(db, { isAdmin: true });
    const closeLetter = LETTER_ACTIONS.find((action) => action.name === "closeLetter")!;
    await performLetterAction(organiserDeps(db), admin, closeLetter, fixture.letterId, { confirm: "close" });
    expect(await db.letter.findUniqueOrThrow({ where: { id: fixture.letterId }, select: { status: true } })).toEqual({ status: "CLOSED" });
  });
});
