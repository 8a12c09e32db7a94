// Over 250 lines on purpose: every way a letter goes public (by hand, at its threshold, raced) and every list it must stay out of until then.
import { beforeEach, describe, expect, it } from "vitest";
import { presentLetterDetail } from "@/lib/api/present";
import { performLetterAction } from "@/lib/auth/organiser-action";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { getSiteFeed } from "@/lib/feeds/get-site-feed";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { createSignature } from "@/lib/signatures/create-signature";
import { issueSignatureToken } from "@/lib/signatures/issue-token";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { addOrganiser, completeDraft, createActor, organiserDeps, versionOf } from "@/tests/support/organisers";
import { signer, signingDeps } from "@/tests/support/signing";
import { getPublishedLetter } from "../get-published-letter";
import { listPublishedLetters } from "../list-published-letters";
import { listSitemapLetters } from "../list-sitemap-letters";
import { pagePublishedLetters } from "../page-published-letters";
import { deleteLetter } from "../delete-letter";
import { publishLetter } from "../publish-letter";
import { makeLetterPublic } from "./make-letter-public";
import { setQuietLaunch } from "./set-quiet-launch";

// Quiet launch (issue 13 §5): an unlisted letter circulates inside the company by its link
// before the press hears of it. No list may show it, whatever the route to it; its own page and
// API keep answering to whoever has the link; it goes public by hand or at its threshold, once.

const db = connectTestDb();
const APP_URL = "https://letters.example";

async function ownedLetter(overrides: Parameters<typeof createLetter>[1] = {}) {
  const letter = await createLetter(db, { listed: false, ...overrides });
  const owner = await createActor(db);
  const editor = await createActor(db);
  await addOrganiser(db, letter.id, owner, "OWNER");
  await addOrganiser(db, letter.id, editor, "EDITOR");
  return { letter, owner, editor };
}

const wentPublic = async (letterId: string) => ({
  letter: await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { listed: true, listedAt: true } }),
  timeline: await db.statusUpdate.findMany({ where: { letterId, kind: "MADE_PUBLIC" } }),
  activity: await db.letterActivity.findMany({ where: { letterId, action: "letter.made-public" } }),
  emails: await db.outboxEmail.findMany({ where: { template: "letter-made-public" } }),
});

/** Every list a visitor, a crawler or a client can read letters from, as slugs. */
async function everyList(): Promise<Record<string, string[]>> {
  const slugOf = (url: string) => url.split("/letters/")[1]!;
  return {
    homeOpen: (await listPublishedLetters(db, { status: "OPEN" })).map((l) => l.slug),
    homeClosed: (await listPublishedLetters(db, { status: "CLOSED" })).map((l) => l.slug),
    search: (await listPublishedLetters(db, { status: "OPEN", search: "quiet" })).map((l) => l.slug),
    sitemap: (await listSitemapLetters(db)).map((l) => l.slug),
    siteFeed: (await getSiteFeed(db, APP_URL)).entries.map((entry) => slugOf(entry.link)),
    api: (await pagePublishedLetters(db, { limit: 100, cursor: null })).items.map((l) => l.slug),
    apiOpen: (await pagePublishedLetters(db, { limit: 100, cursor: null, status: "OPEN" })).items.map((l) => l.slug),
    apiClosed: (await pagePublishedLetters(db, { limit: 100, cursor: null, status: "CLOSED" })).items.map((l) => l.slug),
  };
}

describe("quiet launch: unlisted letters", () => {
  beforeEach(() => resetDatabase(db));

  it("keeps an unlisted letter out of every list, search, sitemap, feed and API page, and answers by its link", async () => {
    const listed = await createLetter(db, { slug: "listed-open", title: "A quiet letter, listed" });
    const unlisted = await createLetter(db, { slug: "unlisted-open", title: "A quiet letter, unlisted", listed: false, listAtSignatures: 50 });
    await createLetter(db, { slug: "listed-closed", status: "CLOSED" });
    await createLetter(db, { slug: "unlisted-closed", status: "CLOSED", listed: false });

    const lists = await everyList();
    for (const [list, slugs] of Object.entries(lists)) {
      expect(slugs, list).not.toContain("unlisted-open");
      expect(slugs, list).not.toContain("unlisted-closed");
    }
    expect(lists).toMatchObject({
      homeOpen: ["listed-open"],
      homeClosed: ["listed-closed"],
      search: ["listed-open"],
      apiOpen: ["listed-open"],
      apiClosed: ["listed-closed"],
    });
    expect(lists.sitemap!.sort()).toEqual(["listed-closed", "listed-open"]);
    expect(lists.siteFeed!.sort()).toEqual(["listed-closed", "listed-open"]);
    expect(lists.api!.sort()).toEqual(["listed-closed", "listed-open"]);

    // Whoever has the link sees the letter, and the API says it is unlisted.
    const own = await getPublishedLetter(db, unlisted.slug, { minPublicGroup: 1 });
    expect(own).toMatchObject({ id: unlisted.id, listed: false });
    expect(presentLetterDetail(own!, APP_URL).listed).toBe(false);
    expect(presentLetterDetail((await getPublishedLetter(db, listed.slug, { minPublicGroup: 1 }))!, APP_URL).listed).toBe(true);
  });

  it("goes public by hand, once: on the timeline, in the activity log and in every list, dated when it went public", async () => {
    const { letter, owner } = await ownedLetter({
      slug: "quiet-by-hand",
      title: "Quietly launched",
      publishedAt: new Date("2026-06-01T09:00:00Z"),
      listAtSignatures: 100,
    });
    const now = new Date("2026-06-05T12:00:00Z");
    const before = await wentPublic(letter.id);
    expect(before.letter).toEqual({ listed: false, listedAt: null });

    await performLetterAction(organiserDeps(db, { now }), owner, makeLetterPublic, letter.id, {});

    const after = await wentPublic(letter.id);
    expect(after.letter).toEqual({ listed: true, listedAt: now });
    expect(after.timeline).toEqual([
      expect.objectContaining({
        body: "The organisers made the letter public. Until then it was shared by its link only.",
        occurredAt: now,
        authorId: owner.userId,
      }),
    ]);
    expect(after.activity).toEqual([expect.objectContaining({ actorId: owner.userId, detail: { by: "organiser" } })]);
    // The organiser pressed the button: nobody needs telling.
    expect(after.emails).toEqual([]);

    const lists = await everyList();
    for (const [list, slugs] of Object.entries(lists)) if (list !== "homeClosed" && list !== "apiClosed") expect(slugs, list).toContain("quiet-by-hand");
    const entry = (await getSiteFeed(db, APP_URL)).entries.find((e) => e.link.endsWith("/quiet-by-hand"));
    expect(entry).toMatchObject({ published: now, updated: now });

    // A second press changes nothing and says why.
    await expect(performLetterAction(organiserDeps(db), owner, makeLetterPublic, letter.id, {})).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: "The letter is public already.",
    });
    const again = await wentPublic(letter.id);
    expect([again.timeline.length, again.activity.length]).toEqual([1, 1]);
  });

  it("lets only the owner change it: an editor is refused (403), a stranger learns nothing (404)", async () => {
    const { letter, editor } = await ownedLetter();
    const stranger = await createActor(db);
    const version = await versionOf(db, letter.id);
    const setting = { visibility: "listed", version };
    for (const [actor, code] of [
      [editor, "FORBIDDEN"],
      [stranger, "LETTER_NOT_FOUND"],
    ] as const) {
      await expect(performLetterAction(organiserDeps(db), actor, makeLetterPublic, letter.id, {})).rejects.toMatchObject({ code });
      await expect(performLetterAction(organiserDeps(db), actor, setQuietLaunch, letter.id, setting)).rejects.toMatchObject({ code });
    }
    expect((await wentPublic(letter.id)).letter.listed).toBe(false);
  });

  it("is chosen before publishing and kept by it; a public letter cannot be unlisted again", async () => {
    const owner = await createActor(db);
    const draft = await createLetter(db, { status: "DRAFT", slug: "quiet-draft" });
    await addOrganiser(db, draft.id, owner, "OWNER");
    const run = async (input: Record<string, unknown>) =>
      performLetterAction(organiserDeps(db), owner, setQuietLaunch, draft.id, { ...input, version: await versionOf(db, draft.id) });

    await run({ visibility: "unlisted", listAtSignatures: "3" });
    expect(await db.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ listed: false, listAtSignatures: 3 });
    expect(await db.letterActivity.findMany({ where: { letterId: draft.id, action: "letter.visibility-changed" } })).toEqual([
      expect.objectContaining({ detail: { listed: false, listAtSignatures: 3 } }),
    ]);

    await expect(run({ visibility: "unlisted", listAtSignatures: "0" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { listAtSignatures: ["Use at least 1 signature, or leave it empty to make the letter public by hand."] },
    });

    await performLetterAction(organiserDeps(db), owner, publishLetter, draft.id, completeDraft("quiet-draft"));
    expect(await db.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "OPEN", listed: false, listAtSignatures: 3 });
    expect((await everyList()).homeOpen).not.toContain("quiet-draft");

    // An open letter's threshold may move, but not to what it has already reached.
    await addConfirmedSignatures(db, draft.id, [{}, {}]);
    await expect(run({ visibility: "unlisted", listAtSignatures: "2" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { listAtSignatures: ["The letter has 2 verified signatures already: choose a higher number, or make it public now."] },
    });
    await run({ visibility: "unlisted", listAtSignatures: "10" });
    expect(await db.letter.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ listed: false, listAtSignatures: 10 });

    // Choosing "listed" on an open, unlisted letter makes it public, as the button does.
    await run({ visibility: "listed" });
    const after = await wentPublic(draft.id);
    expect(after.letter.listed).toBe(true);
    expect(after.timeline).toHaveLength(1);

    await expect(run({ visibility: "unlisted", listAtSignatures: "" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect((await wentPublic(draft.id)).letter.listed).toBe(true);
  });

  it("refuses a stale setting: it was made on a version of the letter that moved on", async () => {
    const { letter, owner } = await ownedLetter();
    const stale = await versionOf(db, letter.id);
    await performLetterAction(organiserDeps(db), owner, setQuietLaunch, letter.id, { visibility: "unlisted", listAtSignatures: "40", version: stale });
    await expect(
      performLetterAction(organiserDeps(db), owner, setQuietLaunch, letter.id, { visibility: "unlisted", listAtSignatures: "60", version: stale }),
    ).rejects.toMatchObject({ code: "LETTER_CHANGED" });
    expect((await db.letter.findUniqueOrThrow({ where: { id: letter.id } })).listAtSignatures).toBe(40);
  });

  it("goes public by itself at its threshold, exactly once, under 30 concurrent confirmations and folds", async () => {
    const threshold = 25;
    const { letter } = await ownedLetter({ slug: "quiet-threshold", listAtSignatures: threshold });
    // One short of the threshold, folded: still unlisted.
    await addConfirmedSignatures(
      db,
      letter.id,
      Array.from({ length: threshold - 1 }, () => ({})),
    );
    await foldCountEvents(db);
    expect((await wentPublic(letter.id)).letter.listed).toBe(false);
    expect((await everyList()).homeOpen).not.toContain("quiet-threshold");

    const tokens: string[] = [];
    for (let i = 0; i < 30; i++) {
      await createSignature(signingDeps(db), letter.slug, signer({ email: `signer-${i}@example.com` }));
      const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, state: "PENDING" }, orderBy: { createdAt: "desc" } });
      tokens.push(await issueSignatureToken(db, signature.id, "CONFIRM", new Date()));
    }
    // Confirmations and folds interleaved: each fold may be the one that crosses the threshold.
    const outcomes = await Promise.all([
      ...tokens.map((token) => confirmSignature(db, token, new Date()).then((result) => result.outcome)),
      ...Array.from({ length: 6 }, () => foldCountEvents(db, { batchSize: 4 }).then(() => "folded")),
    ]);
    expect(outcomes.filter((outcome) => outcome === "confirmed")).toHaveLength(30);
    while ((await foldCountEvents(db)) > 0);

    const after = await wentPublic(letter.id);
    expect(after.letter.listed).toBe(true);
    expect(after.letter.listedAt).toBeInstanceOf(Date);
    expect(after.timeline).toEqual([
      expect.objectContaining({
        body: "The letter reached 25 verified signatures and was made public. Until then it was shared by its link only.",
        authorId: null,
      }),
    ]);
    expect(after.activity).toEqual([
      expect.objectContaining({ actorId: null, detail: expect.objectContaining({ by: "threshold", listAtSignatures: threshold }) }),
    ]);
    const total = (after.activity[0]!.detail as { total: number }).total;
    expect(total).toBeGreaterThanOrEqual(threshold);
    // One email to each of the letter's two organisers, and no more.
    const organisers = await db.letterOrganiser.findMany({ where: { letterId: letter.id }, select: { user: { select: { email: true } } } });
    expect(after.emails.map((email) => email.to).sort()).toEqual(organisers.map((o) => o.user.email).sort());
    expect(after.emails.every((email) => JSON.stringify(email.data) === JSON.stringify({ letterId: letter.id, listAtSignatures: threshold }))).toBe(true);
    expect((await everyList()).homeOpen).toContain("quiet-threshold");
    expect((await db.letterCount.findUniqueOrThrow({ where: { letterId: letter.id } })).total).toBe(threshold - 1 + 30);
  });

  it("goes public once when the owner presses the button as the threshold is reached", async () => {
    const { letter, owner } = await ownedLetter({ listAtSignatures: 3 });
    await addConfirmedSignatures(db, letter.id, [{}, {}, {}]);
    await Promise.all([foldCountEvents(db), performLetterAction(organiserDeps(db), owner, makeLetterPublic, letter.id, {}).catch(() => "refused")]);
    const after = await wentPublic(letter.id);
    expect(after.letter.listed).toBe(true);
    expect([after.timeline.length, after.activity.length]).toEqual([1, 1]);
    // The fold sends its emails only if it was the one to flip the letter.
    expect(after.emails.length).toBe(after.activity[0]!.actorId === null ? 2 : 0);
  });

  it("takes its unsent emails with it when the letter is deleted", async () => {
    const { letter, owner } = await ownedLetter({ listAtSignatures: 1 });
    const other = await ownedLetter({ listAtSignatures: 1 });
    await addConfirmedSignatures(db, letter.id, [{}]);
    await addConfirmedSignatures(db, other.letter.id, [{}]);
    await foldCountEvents(db);
    expect((await wentPublic(letter.id)).emails).toHaveLength(4);
    await performLetterAction(organiserDeps(db), owner, deleteLetter, letter.id, { confirmSlug: letter.slug });
    const left = await db.outboxEmail.findMany({ where: { template: "letter-made-public" } });
    expect(left.map((email) => (email.data as { letterId: string }).letterId)).toEqual([other.letter.id, other.letter.id]);
  });

  it("leaves letters without a threshold, and listed letters, alone when counts are folded", async () => {
    const byHand = await createLetter(db, { listed: false, listAtSignatures: null });
    const listed = await createLetter(db, { listAtSignatures: null });
    await addConfirmedSignatures(db, byHand.id, [{}, {}]);
    await addConfirmedSignatures(db, listed.id, [{}]);
    await foldCountEvents(db);
    expect((await wentPublic(byHand.id)).letter.listed).toBe(false);
    expect(await db.statusUpdate.count({ where: { kind: "MADE_PUBLIC" } })).toBe(0);
    expect(await db.letter.findUniqueOrThrow({ where: { id: listed.id }, select: { listedAt: true } })).toEqual({ listedAt: null });
  });
});
