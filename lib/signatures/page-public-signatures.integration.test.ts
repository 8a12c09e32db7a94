import { beforeEach, describe, expect, it } from "vitest";
import { decodeCursor } from "@/lib/pagination/cursor";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { pagePublicSignatures } from "./page-public-signatures";

const db = connectTestDb();

describe("pagePublicSignatures", () => {
  beforeEach(() => resetDatabase(db));

  it("pages confirmed signatures newest first, each exactly once even when many share a second, and nothing else", async () => {
    const letter = await createLetter(db);
    const sameMoment = new Date("2026-11-29T10:00:00.000Z");
    for (let i = 0; i < 7; i++) {
      await db.signature.create({
        data: {
          letterId: letter.id,
          emailKey: `key-${i}`,
          sourceKey: `source-${i}`,
          domain: "example.com",
          displayName: `Signer ${i}`,
          showName: i !== 3,
          state: "CONFIRMED",
          confirmedAt: i < 5 ? sameMoment : new Date(sameMoment.getTime() + i * 1000),
        },
      });
    }
    await db.signature.create({ data: { letterId: letter.id, emailKey: "pending", domain: "example.com", displayName: "Pending Person" } });
    await db.signature.create({
      data: { letterId: letter.id, emailKey: "gone", domain: "example.com", displayName: "Gone Person", state: "WITHDRAWN", confirmedAt: sameMoment },
    });

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof pagePublicSignatures>> = await pagePublicSignatures(db, letter.id, {
        limit: 3,
        cursor: decodeCursor(cursor),
        minPublicGroup: 1,
      });
      pages.push(page.items.map((s) => s.name ?? "Anonymous"));
      for (const item of page.items)
        expect(Object.keys(item).sort()).toEqual(["comment", "confirmedAt", "domain", "id", "jobTitle", "name", "team", "verification"]);
      cursor = page.nextCursor;
    } while (cursor);

    const names = pages.flat();
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(names.slice(0, 2)).toEqual(["Signer 6", "Signer 5"]);
    expect(new Set(names)).toEqual(new Set(["Signer 0", "Signer 1", "Signer 2", "Anonymous", "Signer 4", "Signer 5", "Signer 6"]));
  });
});
