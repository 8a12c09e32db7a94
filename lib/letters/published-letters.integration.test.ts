import { beforeEach, describe, expect, it } from "vitest";
import { getPublishedLetter } from "./get-published-letter";
import { listPublishedLetters } from "./list-published-letters";
import { pagePublishedLetters } from "./page-published-letters";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { decodeCursor } from "@/lib/pagination/cursor";
import { createLetter } from "@/tests/support/factories";
import { resetDatabase, connectTestDb } from "@/tests/support/db";

const db = connectTestDb();

describe("published letters", () => {
  beforeEach(() => resetDatabase(db));

  it("lists open letters most recently signed first, never-signed ones newest first after them, and never drafts or letters in review", async () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, n));
    const signedLongAgo = await createLetter(db, { slug: "signed-long-ago", publishedAt: day(1), total: 7 });
    await createLetter(db, { slug: "never-signed-new", publishedAt: day(5) });
    await createLetter(db, { slug: "never-signed-old", publishedAt: day(2) });
    const signedNow = await createLetter(db, { slug: "signed-now", publishedAt: day(3), total: 2 });
    await createLetter(db, { slug: "closed", status: "CLOSED", publishedAt: day(9) });
    await createLetter(db, { slug: "draft", status: "DRAFT" });
    await createLetter(db, { slug: "in-review", status: "IN_REVIEW", publishedAt: null });
    await db.letterCount.update({ where: { letterId: signedLongAgo.id }, data: { updatedAt: day(10) } });
    await db.letterCount.update({ where: { letterId: signedNow.id }, data: { updatedAt: day(20) } });

    const open = await listPublishedLetters(db, { status: "OPEN" });
    expect(open.map((l) => l.slug)).toEqual(["signed-now", "signed-long-ago", "never-signed-new", "never-signed-old"]);
    expect(open.find((l) => l.slug === "signed-long-ago")).toMatchObject({ total: 7, goal: 100, status: "OPEN", lastSignedAt: day(10) });
    expect((await listPublishedLetters(db, { status: "CLOSED" })).map((l) => l.slug)).toEqual(["closed"]);
  });

  it("searches titles by every word, in any case, treating LIKE wildcards literally", async () => {
    await createLetter(db, { slug: "ice", title: "Cancel the contracts with ICE" });
    await createLetter(db, { slug: "drones", title: "No drone contracts" });
    await createLetter(db, { slug: "percent", title: "Give 100% of tips to staff" });
    const search = async (query: string) => (await listPublishedLetters(db, { status: "OPEN", search: query })).map((l) => l.slug).sort();
    expect(await search("contracts")).toEqual(["drones", "ice"]);
    expect(await search("ice CONTRACTS")).toEqual(["ice"]);
    expect(await search("100%")).toEqual(["percent"]);
    expect(await search("%")).toEqual(["percent"]);
    expect(await search("_")).toEqual([]);
  });

  it("searches with a NUL character in the query, which PostgreSQL text cannot hold, as a space between words", async () => {
    await createLetter(db, { slug: "ice", title: "Cancel the contracts with ICE" });
    const search = async (query: string) => (await listPublishedLetters(db, { status: "OPEN", search: query })).map((l) => l.slug);
    expect(await search("ice\u0000contracts")).toEqual(["ice"]);
    expect(await search("\u0000")).toEqual(["ice"]);
    expect(await search("drones\u0000")).toEqual([]);
  });

  it("pages the API's list of letters newest first, each letter exactly once", async () => {
    for (let i = 0; i < 5; i++) await createLetter(db, { slug: `paged-${i}`, status: i === 2 ? "CLOSED" : "OPEN" });
    await createLetter(db, { slug: "paged-draft", status: "DRAFT" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof pagePublishedLetters>> = await pagePublishedLetters(db, { limit: 2, cursor: decodeCursor(cursor) });
      seen.push(...page.items.map((l) => l.slug));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["paged-4", "paged-3", "paged-2", "paged-1", "paged-0"]);
  });

  it("carries the folded per-domain totals, largest first, and the per-day series", async () => {
    const letter = await createLetter(db, { slug: "counted" });
    const event = (domain: string, day: string) => ({ letterId: letter.id, domain, day: new Date(day), delta: 1 });
    await db.countEvent.createMany({
      data: [event("github.com", "2025-01-02"), event("microsoft.com", "2025-01-01"), event("microsoft.com", "2025-01-02")],
    });
    await foldCountEvents(db);
    const counted = await getPublishedLetter(db, "counted", { minPublicGroup: 1 });
    expect(counted).toMatchObject({
      total: 3,
      byDomain: [
        { domain: "microsoft.com", total: 2 },
        { domain: "github.com", total: 1 },
      ],
      daily: [
        { day: "2025-01-01", total: 1 },
        { day: "2025-01-02", total: 2 },
      ],
    });
  });

  it("shows a letter's demands in order and its timeline newest first", async () => {
    await createLetter(db, {
      slug: "ordered",
      demands: [{ text: "First" }, { text: "Second", status: "MET" }, { text: "Third", status: "REFUSED" }],
      statusUpdates: [
        { kind: "PUBLISHED", body: "Opened", occurredAt: new Date("2025-01-01") },
        { kind: "RESPONSE", body: "They answered", occurredAt: new Date("2025-02-01") },
        { kind: "DELIVERED", body: "Handed over", occurredAt: new Date("2025-01-15") },
      ],
      total: 42,
    });
    const letter = await getPublishedLetter(db, "ordered", { minPublicGroup: 1 });
    expect(letter?.demands.map((d) => [d.text, d.status])).toEqual([
      ["First", "OPEN"],
      ["Second", "MET"],
      ["Third", "REFUSED"],
    ]);
    expect(letter?.statusUpdates.map((u) => u.body)).toEqual(["They answered", "Handed over", "Opened"]);
    expect(letter?.total).toBe(42);
  });

  it("treats drafts and letters in review as not found", async () => {
    await createLetter(db, { slug: "secret-draft", status: "DRAFT" });
    await createLetter(db, { slug: "awaiting-review", status: "IN_REVIEW" });
    expect(await getPublishedLetter(db, "secret-draft", { minPublicGroup: 1 })).toBeNull();
    expect(await getPublishedLetter(db, "awaiting-review", { minPublicGroup: 1 })).toBeNull();
    expect(await getPublishedLetter(db, "no-such-letter", { minPublicGroup: 1 })).toBeNull();
  });
});
