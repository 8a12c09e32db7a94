import { beforeEach, describe, expect, it } from "vitest";
import { foldCountEvents } from "@/lib/counts/fold-count-events";
import { reconcileCounts } from "@/lib/counts/reconcile-counts";
import { Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { getLetterPage } from "@/lib/letters/get-letter-page";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { invalidateInBatches } from "@/lib/moderation/invalidate-in-batches";
import { invalidateSignature } from "@/lib/moderation/invalidate-signature";
import { anonymiseClosedLetters } from "@/lib/signatures/anonymise-closed-letters";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { createSignature } from "@/lib/signatures/create-signature";
import { issueSignatureToken } from "@/lib/signatures/issue-token";
import { listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { readStoredProposal } from "@/lib/signatures/signature-proposal";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { createActor, createSignatureRow, perform } from "@/tests/support/moderation";
import { signer, signingDeps } from "@/tests/support/signing";
import { teamKeySql } from "./team-key-sql";
import { teamKey } from "./team-name";

// Per-team verified counts (issue 13 §4), through the real paths that change a count: the
// emailed confirmation, a withdrawal, an organiser's invalidation, a bulk invalidation, the
// reconciliation and retention. The per-team totals must always be exactly what the confirmed
// signatures say, each team under one key whatever its spelling.

const db = connectTestDb();
let sequence = 0;

/** Signs and confirms as the emailed link would, with the proposal the submission queued. */
async function signAndConfirm(letter: { id: string; slug: string }, input: { team?: string; display?: string; domain?: string }) {
  sequence += 1;
  const email = `signer.${sequence}@${input.domain ?? "example.com"}`;
  const name = `Signer ${sequence}`;
  await createSignature(signingDeps(db), letter.slug, signer({ name, email, anonymous: undefined, display: input.display ?? "name", team: input.team }));
  const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, state: "PENDING" }, orderBy: { createdAt: "desc" } });
  const queued = await db.outboxEmail.findFirstOrThrow({ where: { data: { path: ["signatureId"], equals: signature.id } } });
  const proposal = readStoredProposal((queued.data as { proposal: unknown }).proposal);
  const confirm = await issueSignatureToken(db, signature.id, "CONFIRM", new Date(), proposal ?? undefined);
  const withdraw = await issueSignatureToken(db, signature.id, "WITHDRAW", new Date());
  await confirmSignature(db, confirm, new Date());
  return { id: signature.id, withdraw: () => withdrawSignature(db, withdraw, new Date()) };
}

/** The folded per-team totals, zero rows aside. */
async function teamTotals(letterId: string): Promise<Record<string, number>> {
  const rows = await db.teamCount.findMany({ where: { letterId, total: { not: 0 } } });
  return Object.fromEntries(rows.map((row) => [row.team, row.total]));
}

/** After a fold, the per-team totals are exactly the confirmed signatures' teams, case and spacing aside. */
async function expectExactTeams(letterId: string) {
  await foldCountEvents(db);
  const rows = await db.signature.findMany({ where: { letterId, state: "CONFIRMED", team: { not: null } }, select: { team: true } });
  const keys = rows.map((row) => teamKey(row.team!));
  const tally = Object.fromEntries([...new Set(keys)].map((key) => [key, keys.filter((other) => other === key).length]));
  expect(await teamTotals(letterId)).toEqual(tally);
}

describe("per-team counts", () => {
  beforeEach(() => resetDatabase(db));

  it("counts a team under one key however it is typed, through confirmation, withdrawal and invalidation", async () => {
    const letter = await createLetter(db, { slug: "team-letter", collectTeam: true });
    const owner = await createActor(db, letter.id, "OWNER");
    const azure = [];
    for (const team of ["Azure Core", "azure  core", " AZURE CORE ", "azure  Core "]) azure.push(await signAndConfirm(letter, { team }));
    // An anonymous signer's team counts too.
    await signAndConfirm(letter, { team: "azure core", display: "anonymous" });
    const bing = await signAndConfirm(letter, { team: "Bing" });
    await signAndConfirm(letter, {});
    await foldCountEvents(db);
    expect(await teamTotals(letter.id)).toEqual({ "azure core": 5, bing: 1 });
    // Stored as typed, spaces tidied: the team shown beside a named signer is theirs.
    expect((await db.signature.findUniqueOrThrow({ where: { id: azure[1]!.id } })).team).toBe("azure core");

    await azure[0]!.withdraw();
    await perform(db, owner, invalidateSignature, letter.id, { signatureId: bing.id, reason: "Not an employee" });
    await expectExactTeams(letter.id);
    expect(await teamTotals(letter.id)).toEqual({ "azure core": 4 });
  });

  it("takes a bulk invalidation off the teams, and the reconciliation corrects drift", async () => {
    const letter = await createLetter(db, { slug: "team-bulk", collectTeam: true, domains: ["example.com", "other.org"] });
    const owner = await createActor(db, letter.id, "OWNER");
    for (const team of ["Red", "Red", "Blue"]) await signAndConfirm(letter, { team, domain: "other.org" });
    for (const team of ["Red", "Blue", "Blue"]) await signAndConfirm(letter, { team });
    await foldCountEvents(db);
    expect(await teamTotals(letter.id)).toEqual({ red: 3, blue: 3 });

    const now = new Date();
    await invalidateInBatches(db, { letterId: letter.id, actorId: owner.userId, filter: { domain: "other.org" }, reason: "Not ours", now, batchSize: 2 });
    await expectExactTeams(letter.id);
    expect(await teamTotals(letter.id)).toEqual({ red: 1, blue: 2 });

    // Drift: a hand edit, a stale team, a missing one (after a first run has dropped the emptied domain's row).
    await reconcileCounts(db);
    await db.teamCount.update({ where: { letterId_team: { letterId: letter.id, team: "red" } }, data: { total: 40 } });
    await db.teamCount.create({ data: { letterId: letter.id, team: "ghosts", total: 3 } });
    await db.teamCount.delete({ where: { letterId_team: { letterId: letter.id, team: "blue" } } });
    expect(await reconcileCounts(db)).toBe(3);
    await expectExactTeams(letter.id);
    expect(await reconcileCounts(db)).toBe(0);
  });

  it("counts an organiser-verified signature's team, as its confirmation left it", async () => {
    const letter = await createLetter(db, { slug: "team-organiser", collectTeam: true });
    await createSignatureRow(db, letter.id, { team: "  Field   Ops " });
    await foldCountEvents(db);
    expect(await teamTotals(letter.id)).toEqual({ "field ops": 1 });
  });

  it("keeps a letter's team totals once retention has erased its anonymous signers' teams", async () => {
    const letter = await createLetter(db, { slug: "team-retained", collectTeam: true, status: "CLOSED" });
    await addConfirmedSignatures(db, letter.id, [{ team: "Red", anonymous: true }, { team: "Red", anonymous: true }, { team: "Red" }]);
    await db.letter.update({ where: { id: letter.id }, data: { closedAt: new Date("2026-01-01T00:00:00Z") } });
    await foldCountEvents(db);
    await anonymiseClosedLetters(db, new Date("2026-12-01T00:00:00Z"), 180);
    expect(await db.signature.count({ where: { letterId: letter.id, team: "Red" } })).toBe(1);
    expect(await reconcileCounts(db)).toBe(0);
    expect(await teamTotals(letter.id)).toEqual({ red: 3 });
  });

  it("takes only a team from the letter's list, stored in the list's spelling", async () => {
    const letter = await createLetter(db, { slug: "team-list", collectTeam: true, teams: ["Azure Core", "Bing"] });
    await signAndConfirm(letter, { team: "azure   CORE" });
    expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).team).toBe("Azure Core");
    const refused = createSignature(signingDeps(db), letter.slug, signer({ email: "x@example.com", team: "Xbox" }));
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { team: [expect.stringContaining("list")] } });
    expect(await db.signature.count({ where: { letterId: letter.id } })).toBe(1);
  });

  it("ignores a team on a letter that does not ask for one", async () => {
    const letter = await createLetter(db, { slug: "team-not-asked" });
    await signAndConfirm(letter, { team: "Red" });
    await foldCountEvents(db);
    expect((await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).team).toBeNull();
    expect(await teamTotals(letter.id)).toEqual({});
  });

  it("keys a team in SQL exactly as the form tidies it", async () => {
    const samples = ["Azure Core", "  azure\t\tcore ", "AZURE\nCORE", "Ünïcode Tëam", "a  b  c", "x"];
    for (const sample of samples) {
      const [row] = await db.$queryRaw<{ key: string }[]>`SELECT ${teamKeySql(Prisma.sql`${sample}::text`)} AS key`;
      expect(row?.key).toBe(teamKey(sample));
    }
  });
});

describe("per-team totals in public", () => {
  beforeEach(() => resetDatabase(db));

  const names = (n: number, team: string, anonymous = false) => Array.from({ length: n }, () => ({ team, anonymous }));

  it("names the letter's teams of at least MIN_PUBLIC_GROUP in its spelling, and folds the rest so none is singled out", async () => {
    const letter = await createLetter(db, { slug: "team-public-list", collectTeam: true, teams: ["Azure Core", "Bing", "Xbox"] });
    await addConfirmedSignatures(db, letter.id, [...names(6, "Azure Core", true), ...names(5, "Xbox"), ...names(2, "Bing")]);
    await foldCountEvents(db);
    const shown = await getPublishedLetter(db, letter.slug, { minPublicGroup: 5 });
    // A list names every team: "other teams: 2" would say Bing has 2, so Xbox joins the rest.
    expect(shown).toMatchObject({ byTeam: [{ team: "Azure Core", total: 6 }], otherTeams: 7 });
    // The anonymous Azure Core signers count, and are listed without their team.
    const listed = await listPublicSignatures(db, letter.id, { limit: 100 });
    expect(listed.filter((row) => row.name === null).every((row) => row.team === null)).toBe(true);
    expect(listed.filter((row) => row.name === null)).toHaveLength(6);
  });

  it("on free text, names teams of at least MIN_PUBLIC_GROUP in lower case and keeps small ones as other teams", async () => {
    const letter = await createLetter(db, { slug: "team-public-free", collectTeam: true });
    await addConfirmedSignatures(db, letter.id, [...names(3, "Red Team"), ...names(2, "red team"), ...names(1, "Blue")]);
    await foldCountEvents(db);
    expect(await getPublishedLetter(db, letter.slug, { minPublicGroup: 5 })).toMatchObject({ byTeam: [{ team: "red team", total: 5 }], otherTeams: 1 });
    expect(await getPublishedLetter(db, letter.slug, { minPublicGroup: 6 })).toMatchObject({ byTeam: [], otherTeams: 6 });
  });

  it("shows the exact per-team totals on the letter page before the fold has run", async () => {
    const letter = await createLetter(db, { slug: "team-page", collectTeam: true, teams: ["Red"] });
    await addConfirmedSignatures(db, letter.id, names(4, "Red"));
    await foldCountEvents(db);
    await addConfirmedSignatures(db, letter.id, names(1, "red"));
    const page = await getLetterPage(db, letter.slug, { recentSigners: 10, minPublicGroup: 5 });
    expect(page).toMatchObject({ total: 5, byTeam: [{ team: "Red", total: 5 }], otherTeams: 0 });
  });

  it("shows no team totals on a letter that does not ask for a team", async () => {
    const letter = await createLetter(db, { slug: "team-none" });
    await addConfirmedSignatures(db, letter.id, names(6, "Red"));
    await foldCountEvents(db);
    expect(await getPublishedLetter(db, letter.slug, { minPublicGroup: 5 })).toMatchObject({ byTeam: [], otherTeams: 0 });
  });
});
