import { readFile } from "node:fs/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { bulkInvalidateSignatures } from "@/lib/moderation/bulk-invalidate-signatures";
import { summariseSigners } from "@/lib/moderation/list-delivery-signers";
import { setSignatureNameHidden } from "@/lib/moderation/set-signature-visibility";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { countConfirmation } from "@/lib/signatures/count-confirmation";
import { endSignature } from "@/lib/signatures/end-signature";
import { createSignature } from "@/lib/signatures/create-signature";
import { issueSignatureToken } from "@/lib/signatures/issue-token";
import { revealDueNames } from "@/lib/signatures/reveal-names";
import { changeAppearance } from "@/lib/signatures/receipt/change-appearance";
import { readStoredProposal } from "@/lib/signatures/signature-proposal";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor, createSignatureRow, perform } from "@/tests/support/moderation";
import { signer, signingDeps } from "@/tests/support/signing";
import { foldCountEvents } from "./fold-count-events";
import { reconcileLetterCounts } from "./reconcile-counts";

// The delivered letter's named and organiser-verified counts ride on the count events
// (named-counts.ts). Every way a signature starts or stops counting, or is shown or hidden, is
// driven here through the app's own functions, and after each the breakdown must be exactly what
// the rows say: read before the fold, after it, and with nothing for the reconciliation to correct.

const db = connectTestDb();

/** What the rows say, counted the slow way: the reference the counts are held to. */
async function fromRows(letterId: string) {
  const rows = await db.$queryRaw<{ domain: string; total: number; named: number; anonymousByOrganisers: number }[]>`
    SELECT domain, COUNT(*)::int AS total, COUNT(*) FILTER (WHERE "showName" AND NOT "nameHidden")::int AS named,
      COUNT(*) FILTER (WHERE NOT ("showName" AND NOT "nameHidden") AND "verificationMethod" = 'ORGANISER')::int AS "anonymousByOrganisers"
    FROM "Signature" WHERE "letterId" = ${letterId}::uuid AND state = 'CONFIRMED' GROUP BY domain ORDER BY domain`;
  return rows;
}

/** The same breakdown as the delivery page reads it, with no domain folded away (minPublicGroup 1). */
async function fromCounts(letterId: string) {
  const summary = await summariseSigners(db, letterId, { minPublicGroup: 1 });
  const named = await db.$queryRaw<{ domain: string; named: number }[]>`
    SELECT domain, (SUM(named))::int AS named FROM (
      SELECT domain, named FROM "DomainCount" WHERE "letterId" = ${letterId}::uuid
      UNION ALL SELECT domain, named FROM "CountEvent" WHERE "letterId" = ${letterId}::uuid) c GROUP BY domain`;
  const namedOf = new Map(named.map((row) => [row.domain, row.named]));
  const anonymous = new Map(summary.anonymousByDomain.map((row) => [row.domain, row]));
  return summary.totalsByDomain
    .map(({ domain, count }) => ({
      domain,
      total: count,
      named: namedOf.get(domain) ?? 0,
      anonymousByOrganisers: anonymous.get(domain)?.byOrganisers ?? 0,
    }))
    .sort((a, b) => a.domain.localeCompare(b.domain));
}

async function expectExact(letterId: string) {
  const expected = await fromRows(letterId);
  expect(await fromCounts(letterId)).toEqual(expected);
  const summary = await summariseSigners(db, letterId, { minPublicGroup: 1 });
  expect(summary.named).toBe(expected.reduce((sum, row) => sum + row.named, 0));
  expect(summary.total).toBe(expected.reduce((sum, row) => sum + row.total, 0));
  while ((await foldCountEvents(db, { batchSize: 3 })) > 0);
  expect(await fromCounts(letterId)).toEqual(expected);
  expect(await reconcileLetterCounts(db, letterId)).toBe(0);
}

/** Signs as the form does and confirms as the emailed link does; returns the receipt. */
async function signAndConfirm(letter: { id: string; slug: string }, email: string, display: unknown) {
  await createSignature(signingDeps(db), letter.slug, signer({ name: email.split("@")[0], email, anonymous: undefined, display }));
  const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, state: "PENDING" }, orderBy: { createdAt: "desc" } });
  const queued = await db.outboxEmail.findFirstOrThrow({ where: { data: { path: ["signatureId"], equals: signature.id } } });
  const proposal = readStoredProposal((queued.data as { proposal: unknown }).proposal);
  const confirm = await issueSignatureToken(db, signature.id, "CONFIRM", new Date(), proposal ?? undefined);
  const withdraw = await issueSignatureToken(db, signature.id, "WITHDRAW", new Date());
  const { receipt } = await confirmSignature(db, confirm, new Date());
  if (!receipt) throw new Error("no receipt");
  return { id: signature.id, receipt, withdraw: () => withdrawSignature(db, withdraw, new Date()) };
}

describe("the delivered letter's named and organiser-verified counts", () => {
  beforeEach(() => resetDatabase(db));

  it("follow every confirmation, name shown or hidden, reveal, withdrawal and invalidation exactly", async () => {
    const letter = await createLetter(db, { slug: "named-counts", domains: ["microsoft.com", "github.com"] });
    await db.letter.update({ where: { id: letter.id }, data: { nameThresholds: [3] } });
    const owner = await createActor(db, letter.id, "OWNER");

    // Confirmations by the emailed link: named, anonymous, and waiting for a threshold.
    const named = await signAndConfirm(letter, "ada@microsoft.com", "name");
    const anonymous = await signAndConfirm(letter, "bo@microsoft.com", "anonymous");
    const waiting = await signAndConfirm(letter, "cy@microsoft.com", { nameAt: 3 });
    await signAndConfirm(letter, "di@github.com", "name");
    await expectExact(letter.id);

    // Confirmed by an organiser, named and anonymous (the rule verifyOrganiserCode runs).
    const byOrganiser = [
      await createSignatureRow(db, letter.id, { state: "PENDING", domain: "github.com", showName: true }),
      await createSignatureRow(db, letter.id, { state: "PENDING", domain: "github.com", showName: false }),
      await createSignatureRow(db, letter.id, { state: "PENDING", domain: "microsoft.com", showName: false }),
    ];
    for (const row of byOrganiser) {
      await db.signature.update({ where: { id: row.id }, data: { verificationMethod: "ORGANISER" } });
      await db.$transaction((tx) => countConfirmation(tx, { id: row.id, letterId: letter.id, domain: row.domain }, new Date()));
    }
    await expectExact(letter.id);
    expect((await fromRows(letter.id)).map((row) => row.anonymousByOrganisers)).toEqual([1, 1]);

    // A moderator hides a named signer, an anonymous one (no change), and an organiser-verified named one; shows one again.
    await perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: named.id, hidden: true });
    await perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: anonymous.id, hidden: true });
    await perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: byOrganiser[0]!.id, hidden: true });
    await expectExact(letter.id);
    await perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: named.id, hidden: false });
    await perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: byOrganiser[0]!.id, hidden: false });
    await expectExact(letter.id);

    // The signer changes it on the receipt, both ways, and a hidden name stays unnamed.
    await changeAppearance(db, named.receipt, { display: "anonymous" });
    await expectExact(letter.id);
    await changeAppearance(db, named.receipt, { display: "name" });
    await changeAppearance(db, anonymous.receipt, { display: "anonymous" });
    await expectExact(letter.id);

    // The threshold is reached (3 at microsoft.com are folded): the waiting name is revealed.
    expect(await revealDueNames(db)).toBe(1);
    expect((await db.signature.findUniqueOrThrow({ where: { id: waiting.id } })).showName).toBe(true);
    await expectExact(letter.id);

    // A named signer withdraws; a whole domain is invalidated in batches.
    await named.withdraw();
    await expectExact(letter.id);
    await perform(db, owner, bulkInvalidateSignatures, letter.id, { filter: { domain: "github.com" }, reason: "Not our company" });
    await expectExact(letter.id);
    expect(await fromRows(letter.id)).toEqual([{ domain: "microsoft.com", total: 3, named: 1, anonymousByOrganisers: 1 }]);
  });

  it("a name shown or hidden moves no total, no day and no team, and stirs no live count", async () => {
    const letter = await createLetter(db, { slug: "named-quiet" });
    const owner = await createActor(db, letter.id, "OWNER");
    const row = await createSignatureRow(db, letter.id, { team: "Azure" });
    await foldCountEvents(db);
    const before = await Promise.all([
      db.letterCount.findUniqueOrThrow({ where: { letterId: letter.id } }),
      db.dailyCount.findMany({ where: { letterId: letter.id } }),
      db.teamCount.findMany({ where: { letterId: letter.id } }),
    ]);
    await perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: row.id, hidden: true });
    expect(await db.countEvent.findMany({ where: { letterId: letter.id }, select: { delta: true, named: true, team: true } })).toEqual([
      { delta: 0, named: -1, team: null },
    ]);
    await foldCountEvents(db);
    // Not even the stamp the live counts' change feed follows.
    expect(
      await Promise.all([
        db.letterCount.findUniqueOrThrow({ where: { letterId: letter.id } }),
        db.dailyCount.findMany({ where: { letterId: letter.id } }),
        db.teamCount.findMany({ where: { letterId: letter.id } }),
      ]),
    ).toEqual(before);
    expect(await db.domainCount.findMany({ where: { letterId: letter.id }, select: { total: true, named: true } })).toEqual([{ total: 1, named: 0 }]);
  });

  it("a pending signature shown or hidden counts nowhere until it is confirmed, then as it then stands", async () => {
    const letter = await createLetter(db, { slug: "named-pending" });
    const owner = await createActor(db, letter.id, "OWNER");
    const row = await createSignatureRow(db, letter.id, { state: "PENDING" });
    await perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: row.id, hidden: true });
    expect(await db.countEvent.count({ where: { letterId: letter.id } })).toBe(0);
    await db.$transaction((tx) => countConfirmation(tx, { id: row.id, letterId: letter.id, domain: row.domain }, new Date()));
    await expectExact(letter.id);
    expect(await fromRows(letter.id)).toEqual([{ domain: "example.com", total: 1, named: 0, anonymousByOrganisers: 0 }]);
  });

  it("the reconciliation corrects a named count that drifted, and only that", async () => {
    const letter = await createLetter(db, { slug: "named-drift" });
    await createSignatureRow(db, letter.id, { domain: "example.com" });
    await createSignatureRow(db, letter.id, { domain: "example.com", showName: false });
    await foldCountEvents(db);
    await db.domainCount.update({ where: { letterId_domain: { letterId: letter.id, domain: "example.com" } }, data: { named: 7, anonymousByOrganisers: 2 } });
    expect(await reconcileLetterCounts(db, letter.id)).toBe(2);
    expect(await db.domainCount.findMany({ where: { letterId: letter.id }, select: { total: true, named: true, anonymousByOrganisers: true } })).toEqual([
      { total: 2, named: 1, anonymousByOrganisers: 0 },
    ]);
    await expectExact(letter.id);
  });

  it("the migration that added them fills them in for the letters signed before it", async () => {
    const letter = await createLetter(db, { slug: "named-backfill", domains: ["a.example", "b.example"] });
    await createSignatureRow(db, letter.id, { domain: "a.example" });
    await createSignatureRow(db, letter.id, { domain: "a.example", showName: false });
    const hidden = await createSignatureRow(db, letter.id, { domain: "b.example", nameHidden: true });
    await db.signature.update({ where: { id: hidden.id }, data: { verificationMethod: "ORGANISER" } });
    await foldCountEvents(db);
    await createSignatureRow(db, letter.id, { domain: "b.example" });
    // As the data stood before the migration: no breakdown anywhere, one event not folded yet.
    await db.$executeRaw`UPDATE "DomainCount" SET named = 0, "anonymousByOrganisers" = 0`;
    await db.$executeRaw`UPDATE "CountEvent" SET named = 0, "anonymousByOrganisers" = 0`;
    const migration = await readFile("prisma/migrations/20261203140000_named_domain_counts/migration.sql", "utf8");
    const backfill = migration.slice(migration.indexOf('INSERT INTO "DomainCount"'));
    await db.$executeRawUnsafe(backfill);
    await expectExact(letter.id);
    expect(await fromRows(letter.id)).toEqual([
      { domain: "a.example", total: 2, named: 1, anonymousByOrganisers: 0 },
      { domain: "b.example", total: 2, named: 1, anonymousByOrganisers: 1 },
    ]);
  });

  it("stay exact when confirmations, names hidden and shown, and withdrawals race on the same signatures", async () => {
    const letter = await createLetter(db, { slug: "named-race", domains: ["example.com"] });
    const owner = await createActor(db, letter.id, "OWNER");
    const rows = [];
    for (let i = 0; i < 24; i++) rows.push(await createSignatureRow(db, letter.id, { state: "PENDING", showName: i % 3 !== 0 }));
    const hide = (id: string, hidden: boolean) => perform(db, owner, setSignatureNameHidden, letter.id, { signatureId: id, hidden });
    // Every signature is confirmed, hidden, shown and (a third of them) withdrawn, all at once;
    // the row locks decide the order, and each order must leave the counts matching the rows.
    const now = new Date();
    await Promise.all(
      rows.flatMap((row, i) => [
        db.$transaction((tx) => countConfirmation(tx, { id: row.id, letterId: letter.id, domain: row.domain }, now)),
        hide(row.id, true),
        hide(row.id, i % 2 === 0 ? false : true),
        ...(i % 3 === 1 ? [db.$transaction((tx) => endSignature(tx, { signatureId: row.id, letterId: letter.id }, { kind: "withdrawn" }, now))] : []),
      ]),
    );
    await expectExact(letter.id);
    // Then moderators hide and show the same names at once, round after round: each shift must be
    // taken from the row as the other left it (the lock), or the named count drifts.
    const counted = rows.filter((_, i) => i % 3 !== 1).slice(0, 6);
    for (let round = 0; round < 8; round++) await Promise.all(counted.flatMap((row) => [hide(row.id, true), hide(row.id, false)]));
    await expectExact(letter.id);
    expect((await fromRows(letter.id))[0]!.total).toBe(rows.length - 8);
  });
});
