import { beforeEach, describe, expect, it } from "vitest";
import { getPublishedLetter } from "./get-published-letter";
import { listPublishedLetters } from "./list-published-letters";
import { createLetter } from "@/tests/support/factories";
import { resetDatabase, connectTestDb } from "@/tests/support/db";

const db = connectTestDb();

describe("published letters", () => {
  beforeEach(() => resetDatabase(db));

  it("lists open letters before closed ones, newest first, and never drafts or letters in review", async () => {
    const day = (n: number) => new Date(Date.UTC(2025, 0, n));
    await createLetter(db, { slug: "old-open", status: "OPEN", publishedAt: day(1), total: 7 });
    await createLetter(db, { slug: "new-open", status: "OPEN", publishedAt: day(5) });
    await createLetter(db, { slug: "closed", status: "CLOSED", publishedAt: day(9) });
    await createLetter(db, { slug: "draft", status: "DRAFT" });
    await createLetter(db, { slug: "in-review", status: "IN_REVIEW", publishedAt: null });

    const letters = await listPublishedLetters(db);
    expect(letters.map((l) => l.slug)).toEqual(["new-open", "old-open", "closed"]);
    expect(letters.find((l) => l.slug === "old-open")).toMatchObject({ total: 7, goal: 100, status: "OPEN" });
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
    const letter = await getPublishedLetter(db, "ordered");
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
    expect(await getPublishedLetter(db, "secret-draft")).toBeNull();
    expect(await getPublishedLetter(db, "awaiting-review")).toBeNull();
    expect(await getPublishedLetter(db, "no-such-letter")).toBeNull();
  });
});
