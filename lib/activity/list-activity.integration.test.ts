import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor } from "@/tests/support/moderation";
import { listActivity } from "./list-activity";
import { recordActivity } from "./record-activity";

const db = connectTestDb();

describe("a letter's activity log", () => {
  beforeEach(() => resetDatabase(db));

  it("lists who did what, newest first, a page at a time, this letter only", async () => {
    const letter = await createLetter(db);
    const other = await createLetter(db);
    const organiser = await createActor(db, letter.id, "OWNER");
    const start = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 5; i++) {
      await recordActivity(db, {
        letterId: letter.id,
        actorId: i === 0 ? null : organiser.userId,
        action: "signatures.exported",
        detail: { named: i },
        at: new Date(start + i * 1000),
      });
    }
    await recordActivity(db, { letterId: other.id, actorId: organiser.userId, action: "letter.published", at: new Date(start) });

    const first = await listActivity(db, letter.id, { limit: 3 });
    expect(first.entries.map((entry) => entry.detail)).toEqual([{ named: 4 }, { named: 3 }, { named: 2 }]);
    expect(first.entries[0]).toMatchObject({ actorEmail: organiser.email, action: "signatures.exported", at: new Date(start + 4000) });
    const second = await listActivity(db, letter.id, { limit: 3, before: first.nextCursor ?? undefined });
    expect(second.entries.map((entry) => entry.detail)).toEqual([{ named: 1 }, { named: 0 }]);
    expect(second.entries[1]?.actorEmail).toBeNull();
    expect(second.nextCursor).toBeNull();
  });
});
