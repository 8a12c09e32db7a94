import { beforeEach, describe, expect, it } from "vitest";
import { loadCountSnapshot } from "@/lib/counts/count-snapshots";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { getLetterPage } from "@/lib/letters/get-letter-page";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { exportSignatures } from "@/lib/moderation/export-signatures";
import { listDeliverySigners } from "@/lib/moderation/list-delivery-signers";
import { pagePublicSignatures } from "@/lib/signatures/page-public-signatures";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { createActor } from "@/tests/support/moderation";
import { organiserDeps } from "@/tests/support/organisers";
import { performLetterAction } from "@/lib/auth/organiser-action";

// The small-group rule (small-groups.ts) on the real read paths: the letter page, the API's
// letter, the count snapshot behind the count endpoint, badge and live totals, and every public
// list of signatures.

const db = connectTestDb();
const MIN = 5;

async function tinyAndBig(letter: { id: string }) {
  await addConfirmedSignatures(db, letter.id, [
    ...Array.from({ length: 4 }, () => ({ domain: "tiny.example", anonymous: true })),
    ...Array.from({ length: 6 }, (_, i) => ({ domain: "big.example", anonymous: i < 3 })),
  ]);
  await foldCountEvents(db);
}

describe("no small group singled out", () => {
  beforeEach(() => resetDatabase(db));

  it("on a letter open to any domain: big.example named, tiny.example only in 'other domains', its anonymous signers without a domain", async () => {
    const letter = await createLetter(db, { slug: "open-letter", openToAnyDomain: true });
    await tinyAndBig(letter);

    const page = await getLetterPage(db, "open-letter", { recentSigners: 20, minPublicGroup: MIN });
    expect(page).toMatchObject({ total: 10, byDomain: [{ domain: "big.example", total: 6 }], otherDomains: 4 });
    expect(page!.daily.length).toBeGreaterThan(0);
    const domains = page!.signers.items.map((item) => (item.name === null ? `anonymous ${item.domain ?? "-"}` : item.domain));
    expect(domains.sort()).toEqual([
      "anonymous -",
      "anonymous -",
      "anonymous -",
      "anonymous -",
      "anonymous big.example",
      "anonymous big.example",
      "anonymous big.example",
      "big.example",
      "big.example",
      "big.example",
    ]);

    expect(await getPublishedLetter(db, "open-letter", { minPublicGroup: MIN })).toMatchObject({
      byDomain: [{ domain: "big.example", total: 6 }],
      otherDomains: 4,
    });
    expect(await loadCountSnapshot(db, "open-letter", MIN)).toMatchObject({ total: 10, byDomain: { "big.example": 6 }, otherDomains: 4 });
    const everything = await pagePublicSignatures(db, letter.id, { limit: 100, cursor: null, minPublicGroup: MIN });
    expect(everything.items.filter((item) => item.domain === "tiny.example")).toEqual([]);
  });

  it("on a letter that names its domains, the rest is never small: big.example joins it rather than tell tiny.example's 4", async () => {
    await createLetter(db, { slug: "two-domains", domains: ["tiny.example", "big.example"] }).then(tinyAndBig);
    expect(await getPublishedLetter(db, "two-domains", { minPublicGroup: MIN })).toMatchObject({ total: 10, byDomain: [], otherDomains: 10 });
    expect(await loadCountSnapshot(db, "two-domains", MIN)).toMatchObject({ byDomain: {}, otherDomains: 10 });
  });

  it("names a domain once it has MIN_PUBLIC_GROUP signers, and an anonymous signer's domain with it", async () => {
    const letter = await createLetter(db, { slug: "growing", openToAnyDomain: true });
    await tinyAndBig(letter);
    await addConfirmedSignatures(db, letter.id, [{ domain: "tiny.example", name: "The fifth" }]);
    await foldCountEvents(db);
    const page = await getLetterPage(db, "growing", { recentSigners: 20, minPublicGroup: MIN });
    expect(page).toMatchObject({
      byDomain: [
        { domain: "big.example", total: 6 },
        { domain: "tiny.example", total: 5 },
      ],
      otherDomains: 0,
    });
    expect(page!.signers.items.filter((item) => item.name === null && item.domain === "tiny.example")).toHaveLength(4);
  });

  it("on a one-domain letter the domain says nothing new: an anonymous signer keeps it; a letter under MIN has no days", async () => {
    const letter = await createLetter(db, { slug: "one-domain", domains: ["example.com"] });
    await addConfirmedSignatures(db, letter.id, [{ domain: "example.com", anonymous: true }, { domain: "example.com" }]);
    await foldCountEvents(db);
    const page = await getLetterPage(db, "one-domain", { recentSigners: 20, minPublicGroup: MIN });
    expect(page).toMatchObject({ total: 2, byDomain: [], otherDomains: 2, daily: [] });
    expect(page!.signers.items.map((item) => item.domain)).toEqual(["example.com", "example.com"]);
  });

  it("what organisers deliver (the delivery page and the CSV) names no small domain either, and counts it under 'other domains'", async () => {
    const letter = await createLetter(db, { slug: "delivered", openToAnyDomain: true });
    await tinyAndBig(letter);
    const sheet = await listDeliverySigners(db, letter.id, { namedLimit: 100, minPublicGroup: MIN });
    expect(sheet).toMatchObject({ total: 10, totalsByDomain: [{ domain: "big.example", count: 6 }], otherDomains: 4 });
    // Anonymous: 4 at tiny.example and 3 at big.example, both too few to name.
    expect(sheet.anonymousByDomain).toEqual([]);
    expect(sheet.anonymousElsewhere).toEqual({ count: 7, byOrganisers: 0 });

    const editor = await createActor(db, letter.id, "EDITOR");
    const deps = organiserDeps(db, { settings: { requireApproval: false, appUrl: "http://localhost:3000", minPublicGroup: MIN } });
    const result = await performLetterAction(deps, editor, exportSignatures, letter.id, {});
    const csv = await new Response(result.stream).text();
    expect(csv).not.toContain("tiny.example");
    expect(csv).toContain('"Other domains","7","0"');
  });
});
