import { beforeEach, describe, expect, it } from "vitest";
import { performAccountAction, performLetterAction } from "@/lib/auth/organiser-action";
import { LetterChangedError } from "@/lib/letters/letter-version";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { addOrganiser, completeDraft, createActor, organiserDeps, versionOf } from "@/tests/support/organisers";
import { createLetter as createLetterAction } from "./create-letter";
import { postStatusUpdate } from "./post-status-update";
import { publishLetter } from "./publish-letter";
import { saveDraft } from "./save-draft";
import { setDemandStatus } from "./set-demand-status";
import { updateOpenLetter } from "./update-open-letter";

// Two co-organisers have the same letter open. Each edit carries the version of the letter it
// was made on; the one made on an older version is refused, says what changed since, and
// changes nothing, so neither overwrites the other without knowing.

const db = connectTestDb();
const deps = () => organiserDeps(db);

async function twoOrganisers() {
  const owner = await createActor(db, { email: "owner@example.org" });
  const { id: letterId } = await performAccountAction(deps(), owner, createLetterAction, { title: "Cancel the contract" });
  const editor = await createActor(db, { email: "editor@example.org" });
  await addOrganiser(db, letterId, editor, "EDITOR");
  return { owner, editor, letterId };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("organiser edits carry the version they were made on", () => {
  beforeEach(() => resetDatabase(db));

  it("refuses a stale draft save, lists what changed, and keeps the other organiser's text and demands", async () => {
    const { owner, editor, letterId } = await twoOrganisers();
    const opened = await versionOf(db, letterId);
    const ownersDraft = completeDraft("cancel-the-contract", {
      title: "Owner's title",
      demands: [{ text: "A" }, { text: "B" }, { text: "Added by the owner" }],
    });
    const saved = await performLetterAction(deps(), owner, saveDraft, letterId, { ...ownersDraft, version: opened });
    expect(saved.version).toBe(opened + 1);

    const stale = await refusal(
      performLetterAction(deps(), editor, saveDraft, letterId, { ...completeDraft("cancel-the-contract", { title: "Editor's title" }), version: opened }),
    );
    expect(stale).toBeInstanceOf(LetterChangedError);
    expect(stale).toMatchObject({ code: "LETTER_CHANGED", status: 409, currentVersion: opened + 1, changes: ["owner@example.org edited the letter."] });
    expect((stale as Error).message).toContain("This letter changed since you opened it");

    const letter = await db.letter.findUniqueOrThrow({ where: { id: letterId }, include: { demands: { orderBy: { position: "asc" } } } });
    expect(letter.title).toBe("Owner's title");
    expect(letter.demands.map((demand) => demand.text)).toEqual(["A", "B", "Added by the owner"]);
    expect(letter.version).toBe(opened + 1);

    // Saved again knowingly, on the version the refusal reported.
    await performLetterAction(deps(), editor, saveDraft, letterId, {
      ...completeDraft("cancel-the-contract", { title: "Editor's title" }),
      version: opened + 1,
    });
    expect(await db.letter.findUniqueOrThrow({ where: { id: letterId }, select: { title: true, version: true } })).toEqual({
      title: "Editor's title",
      version: opened + 2,
    });
  });

  it("lets exactly one of two simultaneous saves on the same version through", async () => {
    const { owner, editor, letterId } = await twoOrganisers();
    const opened = await versionOf(db, letterId);
    const results = await Promise.allSettled([
      performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft("race", { title: "One" }), version: opened }),
      performLetterAction(deps(), editor, saveDraft, letterId, { ...completeDraft("race", { title: "Two" }), version: opened }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "LETTER_CHANGED" });
    expect(await versionOf(db, letterId)).toBe(opened + 1);
  });

  it("refuses a stale demand status, goal or update on an open letter, naming the change made since", async () => {
    const { owner, editor, letterId } = await twoOrganisers();
    await performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft("open-one"), version: await versionOf(db, letterId) });
    await performLetterAction(deps(), owner, publishLetter, letterId, {});
    const opened = await versionOf(db, letterId);
    const [first, second] = await db.demand.findMany({ where: { letterId }, orderBy: { position: "asc" } });

    await performLetterAction(deps(), owner, setDemandStatus, letterId, { demandId: first!.id, status: "MET", version: opened });
    const stale = [
      await refusal(performLetterAction(deps(), editor, setDemandStatus, letterId, { demandId: first!.id, status: "REFUSED", version: opened })),
      await refusal(performLetterAction(deps(), editor, setDemandStatus, letterId, { demandId: second!.id, status: "PARTLY_MET", version: opened })),
      await refusal(performLetterAction(deps(), editor, updateOpenLetter, letterId, { goal: 50, closesAt: "", version: opened })),
      await refusal(performLetterAction(deps(), editor, postStatusUpdate, letterId, { kind: "NOTE", body: "Old news", version: opened })),
    ];
    for (const error of stale) expect(error).toMatchObject({ code: "LETTER_CHANGED", changes: ["owner@example.org marked demand 1 as met."] });

    const letter = await db.letter.findUniqueOrThrow({ where: { id: letterId }, include: { demands: { orderBy: { position: "asc" } }, statusUpdates: true } });
    expect(letter.demands.map((demand) => demand.status)).toEqual(["MET", "OPEN"]);
    expect(letter.goal).toBe(500);
    expect(letter.statusUpdates.map((update) => update.kind).sort()).toEqual(["DEMAND_CHANGE", "PUBLISHED"]);
  });

  it("makes an edit opened before publishing stale: the letter moved on", async () => {
    const { owner, letterId } = await twoOrganisers();
    await performLetterAction(deps(), owner, saveDraft, letterId, { ...completeDraft("published-meanwhile"), version: await versionOf(db, letterId) });
    const beforePublishing = await versionOf(db, letterId);
    await performLetterAction(deps(), owner, publishLetter, letterId, {});
    expect(await versionOf(db, letterId)).toBe(beforePublishing + 1);
    await expect(performLetterAction(deps(), owner, updateOpenLetter, letterId, { goal: 900, closesAt: "", version: beforePublishing })).rejects.toMatchObject({
      code: "LETTER_CHANGED",
      changes: ["owner@example.org published the letter."],
    });
  });

  it("asks for the version when an edit comes without one", async () => {
    const { owner, letterId } = await twoOrganisers();
    await expect(performLetterAction(deps(), owner, saveDraft, letterId, completeDraft("no-version"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { version: [expect.stringContaining("Reload the page")] },
    });
  });
});
