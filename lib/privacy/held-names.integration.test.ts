import { beforeEach, describe, expect, it } from "vitest";
import { presentLetterDetail, presentSignature } from "@/lib/api/present";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { getLetterPage } from "@/lib/letters/get-letter-page";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { postStatusUpdate } from "@/lib/letters/post-status-update";
import { deleteStatusUpdate } from "@/lib/letters/delete-status-update";
import { listSignaturesForOrganisers } from "@/lib/moderation/list-signatures-for-organisers";
import { pagePublicSignatures } from "@/lib/signatures/page-public-signatures";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { createActor, perform } from "@/tests/support/moderation";
import { versionOf } from "@/tests/support/organisers";

// Names held until delivery (held-names.ts) on every public read path: the letter page, its
// signature lists, the API's letter and signatures; and not on the organisers' own views.

const db = connectTestDb();
const MIN = 1;

async function heldLetter() {
  const letter = await createLetter(db, { slug: "held-letter", holdNamesUntilDelivery: true });
  await addConfirmedSignatures(db, letter.id, [
    { name: "Ada Named", domain: "example.com", jobTitle: "Engineer", team: "Platform", comment: "Long overdue." },
    { name: "Bo Anonymous", domain: "example.com", anonymous: true },
  ]);
  await foldCountEvents(db);
  return letter;
}

async function publicNames(letterId: string) {
  const page = await getLetterPage(db, "held-letter", { recentSigners: 10, minPublicGroup: MIN });
  const list = await pagePublicSignatures(db, letterId, { limit: 10, cursor: null, minPublicGroup: MIN });
  const api = list.items.map(presentSignature);
  return { page, names: [...page!.signers.items, ...list.items].map((item) => item.name), api };
}

describe("names held until delivery", () => {
  beforeEach(() => resetDatabase(db));

  it("shows no name, job title or team anywhere public before the letter is delivered, but counts and comments", async () => {
    const letter = await heldLetter();
    const { page, names, api } = await publicNames(letter.id);
    expect(names).toEqual([null, null, null, null]);
    expect(page).toMatchObject({ total: 2, namesHeld: true });
    expect(page!.signers.items.map((item) => [item.jobTitle, item.team, item.domain])).toEqual([
      [null, null, "example.com"],
      [null, null, "example.com"],
    ]);
    expect(page!.signers.items.map((item) => item.comment).filter((comment) => comment !== null)).toEqual(["Long overdue."]);
    expect(JSON.stringify(api)).not.toContain("Ada Named");
    const detail = presentLetterDetail((await getPublishedLetter(db, "held-letter", { minPublicGroup: MIN }))!, "http://app.example");
    expect(detail.namesHeldUntilDelivery).toBe(true);
    expect(JSON.stringify(detail)).not.toContain("Ada Named");
  });

  it("keeps names in the organisers' own views", async () => {
    const letter = await heldLetter();
    const list = await listSignaturesForOrganisers(db, letter.id, { limit: 10 });
    expect(JSON.stringify(list)).toContain("Ada Named");
  });

  it("publishes the names of those who chose to show theirs once the Delivered update is posted", async () => {
    const letter = await heldLetter();
    const owner = await createActor(db, letter.id, "OWNER");
    await perform(db, owner, postStatusUpdate, letter.id, { kind: "DELIVERED", body: "Handed to the CEO.", version: await versionOf(db, letter.id) });

    const { page, names, api } = await publicNames(letter.id);
    expect(page).toMatchObject({ namesHeld: false });
    expect(names.filter((name) => name !== null)).toEqual(["Ada Named", "Ada Named"]);
    expect(api.map((signature) => signature.name)).toContain("Ada Named");
    expect(page!.signers.items.find((item) => item.name === "Ada Named")).toMatchObject({ jobTitle: "Engineer", team: "Platform" });
    // The anonymous signer stays anonymous.
    expect(names).not.toContain("Bo Anonymous");
    const detail = presentLetterDetail((await getPublishedLetter(db, "held-letter", { minPublicGroup: MIN }))!, "http://app.example");
    expect(detail.namesHeldUntilDelivery).toBe(false);
  });

  it("holds the names again if the Delivered update is removed", async () => {
    const letter = await heldLetter();
    const owner = await createActor(db, letter.id, "OWNER");
    await perform(db, owner, postStatusUpdate, letter.id, { kind: "DELIVERED", body: "", version: await versionOf(db, letter.id) });
    const update = await db.statusUpdate.findFirstOrThrow({ where: { letterId: letter.id, kind: "DELIVERED" } });
    await perform(db, owner, deleteStatusUpdate, letter.id, { updateId: update.id, version: await versionOf(db, letter.id) });
    expect((await publicNames(letter.id)).names).toEqual([null, null, null, null]);
  });

  it("leaves a letter that does not hold names as it was", async () => {
    const letter = await createLetter(db, { slug: "held-letter" });
    await addConfirmedSignatures(db, letter.id, [{ name: "Ada Named", domain: "example.com" }]);
    await foldCountEvents(db);
    expect((await publicNames(letter.id)).names).toEqual(["Ada Named", "Ada Named"]);
  });
});
