import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { getLetterPage } from "./get-letter-page";

// One letter page must never contradict itself. Confirmations reach the count rows only when the
// aggregator folds them (twice a second), so a page rendered in between used to show the new
// signers in its list beside a total, domain totals and chart without them.

const db = connectTestDb();

describe("getLetterPage", () => {
  beforeEach(() => resetDatabase(db));

  it("agrees with itself before the aggregator has folded the latest confirmations", async () => {
    const letter = await createLetter(db, { slug: "just-signed" });
    await addConfirmedSignatures(db, letter.id, [
      { name: "Ada", domain: "microsoft.com", confirmedAt: new Date("2026-11-30T10:00:00Z") },
      { name: "Grace", domain: "microsoft.com", confirmedAt: new Date("2026-12-01T10:00:00Z") },
      { name: "Linus", domain: "github.com", confirmedAt: new Date("2026-12-01T11:00:00Z") },
    ]);
    const unfolded = await getLetterPage(db, "just-signed", { recentSigners: 10 });
    const expected = {
      total: 3,
      byDomain: [
        { domain: "microsoft.com", total: 2 },
        { domain: "github.com", total: 1 },
      ],
      daily: [
        { day: "2026-11-30", total: 1 },
        { day: "2026-12-01", total: 2 },
      ],
    };
    expect(unfolded).toMatchObject(expected);
    expect(unfolded?.signers.items.map((signer) => signer.name)).toEqual(["Linus", "Grace", "Ada"]);

    await foldCountEvents(db);
    expect(await getLetterPage(db, "just-signed", { recentSigners: 10 })).toMatchObject(expected);
  });

  it("drops a withdrawn signature from the total and the list at once, before the fold", async () => {
    const letter = await createLetter(db, { slug: "withdrawn" });
    await addConfirmedSignatures(db, letter.id, [{ name: "Ada", domain: "microsoft.com", confirmedAt: new Date("2026-12-01T10:00:00Z") }]);
    await foldCountEvents(db);
    await db.$transaction([
      db.signature.updateMany({ where: { letterId: letter.id }, data: { state: "WITHDRAWN" } }),
      db.countEvent.create({ data: { letterId: letter.id, domain: "microsoft.com", day: new Date("2026-12-01"), delta: -1 } }),
    ]);
    const page = await getLetterPage(db, "withdrawn", { recentSigners: 10 });
    expect(page).toMatchObject({ total: 0, byDomain: [], daily: [{ day: "2026-12-01", total: 0 }] });
    expect(page?.signers.items).toEqual([]);
  });

  it("is null for a slug with no published letter", async () => {
    await createLetter(db, { slug: "a-draft", status: "DRAFT" });
    expect(await getLetterPage(db, "a-draft", { recentSigners: 10 })).toBeNull();
  });
});
