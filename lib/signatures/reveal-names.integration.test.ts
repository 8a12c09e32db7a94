import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { exportSignatures } from "@/lib/moderation/export-signatures";
import { listSignaturesForOrganisers } from "@/lib/moderation/list-signatures-for-organisers";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor, perform } from "@/tests/support/moderation";
import { signer, signingDeps } from "@/tests/support/signing";
import { confirmSignature } from "./confirm-signature";
import { createSignature } from "./create-signature";
import { issueSignatureToken } from "./issue-token";
import { listPublicSignatures } from "./list-public-signatures";
import { countWaitingNames, revealDueNames } from "./reveal-names";
import { readStoredProposal } from "./signature-proposal";
import { changeAppearance } from "./receipt/change-appearance";
import { withdrawSignature } from "./withdraw-signature";

// "Show my name once N people at my domain have signed", through the real signing path: the
// choice travels with the confirm link's proposal, the signature counts and shows as anonymous
// until the folded total at its domain reaches N, then the reveal names it, for good.

const db = connectTestDb();

/** Signs and confirms as the emailed link would, with the proposal the submission queued. */
async function signAndConfirm(letter: { id: string; slug: string }, name: string, display: unknown) {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.com`;
  await createSignature(signingDeps(db), letter.slug, signer({ name, email, anonymous: undefined, display }));
  const signature = await db.signature.findFirstOrThrow({
    where: { letterId: letter.id, displayName: { in: [name, ""] }, state: "PENDING" },
    orderBy: { createdAt: "desc" },
  });
  const queued = await db.outboxEmail.findFirstOrThrow({ where: { data: { path: ["signatureId"], equals: signature.id } } });
  const proposal = readStoredProposal((queued.data as { proposal: unknown }).proposal);
  const confirm = await issueSignatureToken(db, signature.id, "CONFIRM", new Date(), proposal ?? undefined);
  const withdraw = await issueSignatureToken(db, signature.id, "WITHDRAW", new Date());
  return { signatureId: signature.id, confirm: () => confirmSignature(db, confirm, new Date()), withdraw: () => withdrawSignature(db, withdraw, new Date()) };
}

const publicNames = async (letterId: string) => (await listPublicSignatures(db, letterId, { limit: 100 })).map((item) => item.name).filter(Boolean);

async function foldAndReveal() {
  await foldCountEvents(db);
  return revealDueNames(db);
}

describe("threshold reveal", () => {
  beforeEach(() => resetDatabase(db));

  it("keeps a waiting name out of every view at N-1, names it at N, and keeps it named after a withdrawal", async () => {
    const letter = await createLetter(db, { slug: "reveal-letter" });
    await db.letter.update({ where: { id: letter.id }, data: { nameThresholds: [5, 50] } });
    const ada = await signAndConfirm(letter, "Ada Waiting", { nameAt: 5 });
    await ada.confirm();
    const others = [];
    for (const name of ["Bo One", "Cy Two", "Di Three"]) {
      const other = await signAndConfirm(letter, name, "name");
      await other.confirm();
      others.push(other);
    }
    expect(await foldAndReveal()).toBe(0);
    expect(await publicNames(letter.id)).not.toContain("Ada Waiting");
    expect(await countWaitingNames(db, letter.id)).toEqual([{ threshold: 5, waiting: 1 }]);
    const owner = await createActor(db, letter.id, "OWNER");
    expect(JSON.stringify(await listSignaturesForOrganisers(db, letter.id))).not.toContain("Ada Waiting");
    const exported = await perform(db, owner, exportSignatures, letter.id, {});
    expect(await new Response(exported.stream).text()).not.toContain("Ada Waiting");

    const fifth = await signAndConfirm(letter, "Ed Four", "anonymous");
    await fifth.confirm();
    // Confirmed but not folded yet: the total the reveal reads is still 4.
    expect(await revealDueNames(db)).toBe(0);
    expect(await foldAndReveal()).toBe(1);
    expect(await publicNames(letter.id)).toContain("Ada Waiting");
    expect(await countWaitingNames(db, letter.id)).toEqual([]);
    expect(JSON.stringify(await listSignaturesForOrganisers(db, letter.id))).toContain("Ada Waiting");
    expect(await new Response((await perform(db, owner, exportSignatures, letter.id, {})).stream).text()).toContain("Ada Waiting");

    await others[0]!.withdraw();
    await others[1]!.withdraw();
    expect(await foldAndReveal()).toBe(0);
    expect((await db.domainCount.findFirstOrThrow({ where: { letterId: letter.id } })).total).toBe(3);
    expect(await publicNames(letter.id)).toContain("Ada Waiting");
  });

  it("loses nothing when the process dies between a fold and its reveal", async () => {
    const letter = await createLetter(db, { slug: "reveal-letter" });
    await db.letter.update({ where: { id: letter.id }, data: { nameThresholds: [2] } });
    const ada = await signAndConfirm(letter, "Ada Waiting", { nameAt: 2 });
    const bo = await signAndConfirm(letter, "Bo Waiting", { nameAt: 2 });
    await ada.confirm();
    await bo.confirm();
    // The fold commits; the process is killed before it reveals: nothing in memory carries over.
    // (`npm run chaos -- killed-between-fold-and-reveal` does this with a real SIGKILL of the app.)
    await foldCountEvents(db);
    expect(await publicNames(letter.id)).toEqual([]);
    // The next run, of this or any instance, finds them due from the stored totals alone.
    expect(await revealDueNames(db)).toBe(2);
    expect((await publicNames(letter.id)).sort()).toEqual(["Ada Waiting", "Bo Waiting"]);
    expect(await revealDueNames(db)).toBe(0);
  });

  it("reveals exactly once, and never early, under 30 concurrent confirmations crossing N, with two instances folding and revealing", async () => {
    const N = 25;
    const letter = await createLetter(db, { slug: "reveal-letter" });
    const signers = [];
    for (let i = 0; i < 30; i++) signers.push(await signAndConfirm(letter, `Signer ${String.fromCharCode(65 + (i % 26))}${i}`, { nameAt: N }));
    let confirming = true;
    // Each reveal run: the folded total before it and after it (totals only grow here, so the
    // total it read against lies between), and how many it named.
    const folded = async () => (await db.domainCount.findFirst({ where: { letterId: letter.id } }))?.total ?? 0;
    const reveals: { before: number; after: number; revealed: number }[] = [];
    const instance = async () => {
      while (confirming) {
        await foldCountEvents(db);
        const before = await folded();
        const revealed = await revealDueNames(db);
        reveals.push({ before, after: await folded(), revealed });
      }
    };
    const instances = [instance(), instance()];
    // Six waves of five concurrent confirmations, so the folds see the total climb past N.
    for (let wave = 0; wave < 6; wave++) {
      await Promise.all(signers.slice(wave * 5, wave * 5 + 5).map((one) => one.confirm()));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    confirming = false;
    await Promise.all(instances);
    reveals.push({ before: 30, after: 30, revealed: await foldAndReveal() });

    // The folds saw the total climb through values below N...
    expect(reveals.some(({ before }) => before > 0 && before < N)).toBe(true);
    // ...and no run named anyone while the total it could have read was still below N.
    for (const { after, revealed } of reveals) if (after < N) expect(revealed).toBe(0);
    // Every waiting name, once.
    expect(reveals.reduce((sum, { revealed }) => sum + revealed, 0)).toBe(30);
    expect(await publicNames(letter.id)).toHaveLength(30);
    expect(await db.signature.count({ where: { letterId: letter.id, showNameAt: { not: null } } })).toBe(0);
  });

  it("never names a waiting signer who turned anonymous on their receipt", async () => {
    const letter = await createLetter(db, { slug: "reveal-letter" });
    await db.letter.update({ where: { id: letter.id }, data: { nameThresholds: [2] } });
    const ada = await signAndConfirm(letter, "Ada Waiting", { nameAt: 2 });
    const { receipt } = await ada.confirm();
    await changeAppearance(db, receipt!, { display: "anonymous" });
    await (await signAndConfirm(letter, "Bo Named", "name")).confirm();
    expect(await foldAndReveal()).toBe(0);
    expect(await publicNames(letter.id)).toEqual(["Bo Named"]);
  });

  it("refuses a threshold the letter does not offer, and the choice on a letter that offers none", async () => {
    const letter = await createLetter(db, { slug: "reveal-letter" });
    await expect(createSignature(signingDeps(db), letter.slug, signer({ anonymous: undefined, display: { nameAt: 7 } }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { display: [expect.stringContaining("Choose one of 25, 100")] },
    });
    await db.letter.update({ where: { id: letter.id }, data: { nameThresholds: [] } });
    await expect(createSignature(signingDeps(db), letter.slug, signer({ anonymous: undefined, display: { nameAt: 25 } }))).rejects.toMatchObject({
      fields: { display: [expect.stringContaining("does not offer it")] },
    });
    expect(await db.signature.count()).toBe(0);
  });
});
