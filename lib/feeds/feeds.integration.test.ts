import { beforeEach, describe, expect, it } from "vitest";
import { performLetterAction } from "@/lib/auth/organiser-action";
import { postStatusUpdate } from "@/lib/letters/post-status-update";
import { setDemandStatus } from "@/lib/letters/set-demand-status";
import { parseAtomFeed } from "@/tests/support/atom-feed";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { parseICalendar } from "@/tests/support/icalendar";
import { addOrganiser, createActor, organiserDeps, versionOf } from "@/tests/support/organisers";
import { getLetterCalendar } from "./get-letter-calendar";
import { getLetterFeed, LETTER_FEED_ENTRIES } from "./get-letter-feed";
import { getSiteFeed, SITE_FEED_ENTRIES } from "./get-site-feed";
import { renderAtomFeed } from "./render-atom-feed";
import { renderICalendar } from "./render-icalendar";

const db = connectTestDb();
const APP_URL = "https://letters.example";
const NOW = new Date("2026-07-01T10:00:00Z");
const deps = () => organiserDeps(db, { now: NOW });

async function letterWithEditor(overrides: Parameters<typeof createLetter>[1] = {}) {
  const letter = await createLetter(db, {
    publishedAt: new Date("2026-06-01T09:00:00Z"),
    statusUpdates: [{ kind: "PUBLISHED", body: "The letter was published.", occurredAt: new Date("2026-06-01T09:00:00Z") }],
    ...overrides,
  });
  const editor = await createActor(db);
  await addOrganiser(db, letter.id, editor, "EDITOR");
  return { letter, editor };
}

const letterFeed = async (slug: string) => {
  const feed = await getLetterFeed(db, slug, APP_URL);
  return feed && parseAtomFeed(renderAtomFeed(feed));
};

describe("a letter's Atom feed", () => {
  beforeEach(() => resetDatabase(db));

  it("carries posted updates and demand-status changes, newest first, with stable ids", async () => {
    const { letter, editor } = await letterWithEditor({ demands: [{ text: "Cancel the contract." }] });
    await performLetterAction(deps(), editor, postStatusUpdate, letter.id, {
      kind: "DELIVERED",
      body: "Handed to the board.",
      occurredAt: "2026-06-20",
      respondBy: "2026-07-15",
      version: await versionOf(db, letter.id),
    });
    const [demand] = await db.demand.findMany({ where: { letterId: letter.id } });
    await performLetterAction(deps(), editor, setDemandStatus, letter.id, {
      demandId: demand!.id,
      status: "REFUSED",
      note: "They said no.",
      version: await versionOf(db, letter.id),
    });

    const parsed = await letterFeed(letter.slug);
    expect(parsed).toMatchObject({
      title: `Updates on “${letter.title}”`,
      self: `${APP_URL}/letters/${letter.slug}/feed.xml`,
      alternate: `${APP_URL}/letters/${letter.slug}`,
    });
    expect(parsed!.entries.map((entry) => entry.title)).toEqual([
      "Demand update: Demand 1 was refused: “Cancel the contract.”",
      "Delivered: Handed to the board.",
      "Published: The letter was published.",
    ]);
    expect(parsed!.entries[0]!.content).toBe("Demand 1 was refused: “Cancel the contract.”\n\nThey said no.");
    expect(parsed!.entries[1]!.content).toBe("Handed to the board.\n\nAnswer promised by 15 July 2026.");
    expect(parsed!.entries[1]!.published).toBe("2026-06-20T00:00:00.000Z");

    const rows = await db.statusUpdate.findMany({ where: { letterId: letter.id }, orderBy: [{ occurredAt: "desc" }], select: { id: true } });
    expect(parsed!.entries.map((entry) => entry.id)).toEqual(rows.map((row) => `urn:uuid:${row.id}`));
    expect(parsed!.entries[1]!.alternate).toBe(`${APP_URL}/letters/${letter.slug}#update-${rows[1]!.id}`);
    // The feed's `updated` is its newest entry's, and fetching again changes nothing.
    expect(parsed!.updated).toBe(
      [...parsed!.entries]
        .map((entry) => entry.updated)
        .sort()
        .at(-1),
    );
    expect(await letterFeed(letter.slug)).toEqual(parsed);
  });

  it("is null for drafts, letters in review and unknown slugs", async () => {
    const draft = await createLetter(db, { status: "DRAFT" });
    const inReview = await createLetter(db, { status: "IN_REVIEW" });
    for (const slug of [draft.slug, inReview.slug, "no-such-letter"]) expect(await getLetterFeed(db, slug, APP_URL)).toBeNull();
  });

  it("holds the newest entries only, however long the timeline", async () => {
    const updates = Array.from({ length: LETTER_FEED_ENTRIES + 10 }, (_, index) => ({
      kind: "NOTE" as const,
      body: `Note ${index}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
    }));
    const letter = await createLetter(db, { statusUpdates: updates });
    const parsed = await letterFeed(letter.slug);
    expect(parsed!.entries).toHaveLength(LETTER_FEED_ENTRIES);
    expect(parsed!.entries[0]!.content).toBe(`Note ${LETTER_FEED_ENTRIES + 9}`);
  });
});

describe("the site feed", () => {
  beforeEach(() => resetDatabase(db));

  it("lists published letters (open or closed) newest first, and no draft or letter in review", async () => {
    const older = await createLetter(db, {
      publishedAt: new Date("2026-05-01T00:00:00Z"),
      status: "CLOSED",
      demands: [{ text: "First demand" }, { text: "Second demand" }],
    });
    const newer = await createLetter(db, { publishedAt: new Date("2026-06-01T00:00:00Z") });
    const draft = await createLetter(db, { status: "DRAFT" });
    const inReview = await createLetter(db, { status: "IN_REVIEW", publishedAt: null });

    const parsed = parseAtomFeed(renderAtomFeed(await getSiteFeed(db, APP_URL)));
    expect(parsed.entries.map((entry) => entry.title)).toEqual([newer.title, older.title]);
    expect(parsed.entries.map((entry) => entry.id)).toEqual([`urn:uuid:${newer.id}`, `urn:uuid:${older.id}`]);
    expect(parsed.entries[1]!.content).toBe(`An open letter to ${older.addressee}.\n\nDemands:\n1. First demand\n2. Second demand`);
    expect(parsed.updated).toBe("2026-06-01T00:00:00.000Z");
    expect(JSON.stringify(parsed)).not.toContain(draft.slug);
    expect(JSON.stringify(parsed)).not.toContain(inReview.slug);
  });

  it("places a letter that went public late among the newest, however many were published since it was", async () => {
    const quiet = await createLetter(db, { publishedAt: new Date("2026-01-01T00:00:00Z"), listed: false, listAtSignatures: 100 });
    for (let day = 1; day <= SITE_FEED_ENTRIES + 1; day += 1) {
      await createLetter(db, { publishedAt: new Date(Date.UTC(2026, 2, day)) });
    }
    const before = parseAtomFeed(renderAtomFeed(await getSiteFeed(db, APP_URL)));
    expect(before.entries).toHaveLength(SITE_FEED_ENTRIES);
    expect(JSON.stringify(before)).not.toContain(quiet.slug);

    await db.letter.update({ where: { id: quiet.id }, data: { listed: true, listedAt: new Date("2026-06-01T00:00:00Z") } });
    const after = parseAtomFeed(renderAtomFeed(await getSiteFeed(db, APP_URL)));
    expect(after.entries).toHaveLength(SITE_FEED_ENTRIES);
    expect(after.entries[0]).toMatchObject({ title: quiet.title, published: "2026-06-01T00:00:00.000Z" });
    expect(after.updated).toBe("2026-06-01T00:00:00.000Z");
  });

  it("is a valid feed before anything is published", async () => {
    expect(parseAtomFeed(renderAtomFeed(await getSiteFeed(db, APP_URL))).entries).toEqual([]);
  });
});

describe("a letter's calendar", () => {
  beforeEach(() => resetDatabase(db));

  it("holds the publication, the closing date and every promised answer, under stable UIDs", async () => {
    const { letter, editor } = await letterWithEditor();
    await db.letter.update({ where: { id: letter.id }, data: { closesAt: new Date("2026-08-31T23:59:59Z") } });
    await performLetterAction(deps(), editor, postStatusUpdate, letter.id, {
      kind: "DELIVERED",
      body: "Delivered; an answer, they said, by 15 July.",
      respondBy: "2026-07-15",
      version: await versionOf(db, letter.id),
    });
    await performLetterAction(deps(), editor, postStatusUpdate, letter.id, {
      kind: "NOTE",
      body: "No promise in this one.",
      version: await versionOf(db, letter.id),
    });

    const calendar = parseICalendar(renderICalendar((await getLetterCalendar(db, letter.slug, APP_URL))!));
    const update = await db.statusUpdate.findFirstOrThrow({ where: { letterId: letter.id, respondBy: { not: null } } });
    expect(calendar.events.map((event) => [event.uid, event.start, event.summary])).toEqual([
      [`${letter.id}.published@undersigned`, "2026-06-01", `Published: “${letter.title}”`],
      [`${letter.id}.closing@undersigned`, "2026-08-31", `Last day to sign: “${letter.title}”`],
      [`${update.id}.answer-due@undersigned`, "2026-07-15", `Answer due from ${letter.addressee}: “${letter.title}”`],
    ]);
    expect(calendar.events[2]!.description).toContain("Delivered; an answer, they said, by 15 July.");
    expect(calendar.events[2]!.url).toBe(`${APP_URL}/letters/${letter.slug}#update-${update.id}`);
    expect(calendar.events.every((event) => event.startIsDate)).toBe(true);

    // Closed early: the same closing event moves to the day it closed.
    await db.letter.update({ where: { id: letter.id }, data: { status: "CLOSED", closedAt: new Date("2026-07-20T12:00:00Z") } });
    const closed = parseICalendar(renderICalendar((await getLetterCalendar(db, letter.slug, APP_URL))!));
    expect(closed.events.find((event) => event.uid === `${letter.id}.closing@undersigned`)).toMatchObject({
      start: "2026-07-20",
      summary: `Closed to signatures: “${letter.title}”`,
    });
  });

  it("is null for drafts and letters in review", async () => {
    const draft = await createLetter(db, { status: "DRAFT" });
    const inReview = await createLetter(db, { status: "IN_REVIEW" });
    for (const slug of [draft.slug, inReview.slug]) expect(await getLetterCalendar(db, slug, APP_URL)).toBeNull();
  });
});
