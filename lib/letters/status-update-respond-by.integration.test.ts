import { beforeEach, describe, expect, it } from "vitest";
import { performLetterAction } from "@/lib/auth/organiser-action";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { addOrganiser, createActor, organiserDeps, versionOf } from "@/tests/support/organisers";
import { getPublishedLetter } from "./get-published-letter";
import { postStatusUpdate } from "./post-status-update";

const db = connectTestDb();
const NOW = new Date("2026-07-01T10:00:00Z");
const deps = () => organiserDeps(db, { now: NOW });

async function openLetterWithEditor() {
  const letter = await createLetter(db);
  const editor = await createActor(db);
  await addOrganiser(db, letter.id, editor, "EDITOR");
  return { letter, editor };
}

const fieldErrorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; fields?: Record<string, string[]> }) => ({ code: error.code, fields: error.fields }),
  );

describe("a status update's promised answer date", () => {
  beforeEach(() => resetDatabase(db));

  it("is stored as a calendar day and shown with the update on the public letter", async () => {
    const { letter, editor } = await openLetterWithEditor();
    await performLetterAction(deps(), editor, postStatusUpdate, letter.id, {
      kind: "DELIVERED",
      body: "Handed over; an answer was promised by 15 July.",
      respondBy: "2026-07-15",
      version: await versionOf(db, letter.id),
    });
    await performLetterAction(deps(), editor, postStatusUpdate, letter.id, {
      kind: "NOTE",
      body: "No date this time.",
      respondBy: "",
      version: await versionOf(db, letter.id),
    });

    const stored = await db.statusUpdate.findMany({ where: { letterId: letter.id }, orderBy: { createdAt: "asc" }, select: { respondBy: true } });
    expect(stored.map((update) => update.respondBy?.toISOString() ?? null)).toEqual(["2026-07-15T00:00:00.000Z", null]);
    const published = await getPublishedLetter(db, letter.slug, { minPublicGroup: 1 });
    expect(published?.statusUpdates.find((update) => update.respondBy !== null)?.body).toBe("Handed over; an answer was promised by 15 July.");
  });

  it("refuses a date that is not a day, one before the update's date and one years away, storing nothing", async () => {
    const { letter, editor } = await openLetterWithEditor();
    const post = async (fields: Record<string, string>) =>
      fieldErrorOf(
        performLetterAction(deps(), editor, postStatusUpdate, letter.id, {
          kind: "NOTE",
          body: "Promised",
          version: await versionOf(db, letter.id),
          ...fields,
        }),
      );

    expect(await post({ respondBy: "15 July" })).toEqual({ code: "INVALID_INPUT", fields: { respondBy: [expect.stringContaining("Enter a date")] } });
    expect(await post({ respondBy: "2026-02-30" })).toEqual({ code: "INVALID_INPUT", fields: { respondBy: [expect.stringContaining("Enter a date")] } });
    expect(await post({ respondBy: "2026-06-30" })).toEqual({
      code: "INVALID_INPUT",
      fields: { respondBy: ["The promised date is before the update's date."] },
    });
    // Backdated updates are checked against their own date, not today's.
    expect(await post({ occurredAt: "2026-06-20", respondBy: "2026-06-19" })).toMatchObject({ fields: { respondBy: expect.any(Array) } });
    expect(await post({ respondBy: "2036-07-01" })).toEqual({
      code: "INVALID_INPUT",
      fields: { respondBy: ["Choose a date within two years of the update."] },
    });
    expect(await db.statusUpdate.count({ where: { letterId: letter.id } })).toBe(0);

    // The same day as the update, and a backdated update's own promise, are fine.
    expect(await post({ respondBy: "2026-07-01" })).toBeNull();
    expect(await post({ occurredAt: "2026-06-20", respondBy: "2026-06-25" })).toBeNull();
    expect(await db.statusUpdate.count({ where: { letterId: letter.id, respondBy: { not: null } } })).toBe(2);
  });
});
