import { sharesSql } from "@/lib/counts/named-counts";
import { utcDay } from "@/lib/counts/record-count-change";
import { groupCommit, groupCommitPer, writeEachAloneOnFailure, type TGroupOutcome } from "@/lib/db/group-commit";
import { Prisma, type TDb } from "@/lib/db/prisma";
import { teamKeySql } from "@/lib/teams/team-key-sql";
import type { TSignatureProposal } from "./signature-proposal";

/** One press of a confirm link, as confirmSignature has checked it. */
export type TPendingConfirmation = {
  tokenId: string;
  signatureId: string;
  letterId: string;
  domain: string;
  proposal: TSignatureProposal | null;
  receiptHash: string;
  now: Date;
};

/** CONFIRMED_NOW, or the signature's state that stopped it (GONE: the signature no longer exists). */
export type TConfirmationResult = string;

// As for first signatures (insert-first-signatures.ts): bounded statements, most of the pool left free.
const MAX_BATCH = 200;
const MAX_CONCURRENT = 4;

const commitFor = groupCommitPer((db: TDb) =>
  groupCommit<TPendingConfirmation, TConfirmationResult>({
    write: writeEachAloneOnFailure((rows) => confirmBatch(db, rows)),
    maxBatch: MAX_BATCH,
    maxConcurrent: MAX_CONCURRENT,
  }),
);

/**
 * Burns the token and, if the signature is still pending, confirms it (with the link's
 * proposal) and appends its +1 count event, by countConfirmation's rule (count-confirmation.ts;
 * an integration test holds the two to the same result). One statement for all the
 * confirmations pressed at the same moment (group commit, lib/db/group-commit.ts), each answered
 * once it has committed: a confirmation spike follows every signing spike, and the interactive
 * transaction this replaced took six round trips for each. Plain SQL for that reason.
 *
 * The signature rows are read under FOR UPDATE, in id order, so of two concurrent confirmations
 * (two tabs, two links) exactly one sees a row PENDING and counts it, a withdrawal racing one
 * cannot slip between the read and the write, and two batches never deadlock.
 */
export function confirmPendingSignature(db: TDb, change: TPendingConfirmation): Promise<TConfirmationResult> {
  return commitFor(db)(change);
}

async function confirmBatch(db: TDb, rows: TPendingConfirmation[]): Promise<TGroupOutcome<TConfirmationResult>[]> {
  // One press per signature in a statement: a second press of the same signature (another tab,
  // another link) goes in a statement after it, and so finds it confirmed, as it would have alone.
  const first: number[] = [];
  const later: number[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (seen.has(row.signatureId)) {
      later.push(index);
      return;
    }
    seen.add(row.signatureId);
    first.push(index);
  });
  const outcomes: TGroupOutcome<TConfirmationResult>[] = new Array(rows.length);
  const results = await confirmStatement(
    db,
    first.map((index) => rows[index]!),
  );
  first.forEach((index, position) => (outcomes[index] = { ok: true, value: results[position]! }));
  if (later.length > 0) {
    const rest = await confirmBatch(
      db,
      later.map((index) => rows[index]!),
    );
    later.forEach((index, position) => (outcomes[index] = rest[position]!));
  }
  return outcomes;
}

async function confirmStatement(db: TDb, rows: TPendingConfirmation[]): Promise<TConfirmationResult[]> {
  const column = <T>(pick: (row: TPendingConfirmation) => T) => rows.map(pick);
  const proposed = <T>(pick: (proposal: TSignatureProposal) => T) => column((row) => (row.proposal ? pick(row.proposal) : null));
  const answers = await db.$queryRaw<{ position: number; state: string | null; confirmed: boolean }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((row) => row.tokenId)}::uuid[], ${column((row) => row.signatureId)}::uuid[], ${column((row) => row.letterId)}::uuid[],
        ${column((row) => row.domain)}::text[], ${column((row) => row.proposal !== null)}::boolean[],
        ${proposed((proposal) => proposal.displayName)}::text[], ${proposed((proposal) => proposal.jobTitle)}::text[],
        ${proposed((proposal) => proposal.team)}::text[], ${proposed((proposal) => proposal.comment)}::text[],
        ${proposed((proposal) => proposal.showName)}::boolean[], ${proposed((proposal) => proposal.showNameAt)}::int[],
        ${column((row) => row.receiptHash)}::text[], ${column((row) => row.now)}::timestamptz[], ${column((row) => utcDay(row.now))}::date[]
      ) WITH ORDINALITY AS t("tokenId", "signatureId", "letterId", domain, "hasProposal", "displayName", "jobTitle", team, comment,
                             "showName", "showNameAt", "receiptHash", now, day, position)),
    current AS (
      SELECT id, state FROM "Signature" WHERE id IN (SELECT "signatureId" FROM input) ORDER BY id FOR UPDATE),
    -- Only once the signature rows are locked (the IN is evaluated before a token is touched):
    -- the same order as ending a signature (end-signature.ts locks the signature, then burns its
    -- tokens), so a confirmation racing a withdrawal waits instead of deadlocking.
    burnt AS (
      UPDATE "SignatureToken" AS token SET "usedAt" = input.now, proposal = NULL
      FROM input
      WHERE token.id = input."tokenId" AND token."usedAt" IS NULL AND input."signatureId" IN (SELECT id FROM current)
      RETURNING token.id),
    confirmed AS (
      UPDATE "Signature" AS s SET
        state = 'CONFIRMED', "confirmedAt" = input.now, "receiptHash" = input."receiptHash",
        "displayName" = CASE WHEN input."hasProposal" THEN input."displayName" ELSE s."displayName" END,
        "jobTitle" = CASE WHEN input."hasProposal" THEN input."jobTitle" ELSE s."jobTitle" END,
        team = CASE WHEN input."hasProposal" THEN input.team ELSE s.team END,
        comment = CASE WHEN input."hasProposal" THEN input.comment ELSE s.comment END,
        "showName" = CASE WHEN input."hasProposal" THEN input."showName" ELSE s."showName" END,
        "showNameAt" = CASE WHEN input."hasProposal" THEN input."showNameAt" ELSE s."showNameAt" END
      FROM input JOIN current ON current.id = input."signatureId"
      WHERE s.id = input."signatureId" AND current.state = 'PENDING' AND s.state = 'PENDING' AND input."tokenId" IN (SELECT id FROM burnt)
      RETURNING s.id, s.team, s."showName", s."nameHidden", s."verificationMethod"),
    counted AS (
      -- Never an UPDATE of a count row (see record-count-change.ts): the aggregator folds these.
      -- The team and the name as just confirmed (RETURNING gives the row as updated).
      INSERT INTO "CountEvent" ("letterId", domain, day, team, delta, named, "anonymousByOrganisers")
      SELECT input."letterId", input.domain, input.day, ${teamKeySql(Prisma.sql`confirmed.team`)}, 1, ${sharesSql("confirmed", Prisma.sql`1`)}
      FROM confirmed JOIN input ON input."signatureId" = confirmed.id
      ORDER BY input.position)
    SELECT input.position::int AS position, current.state::text AS state, confirmed.id IS NOT NULL AS confirmed
    FROM input LEFT JOIN current ON current.id = input."signatureId" LEFT JOIN confirmed ON confirmed.id = input."signatureId"
    ORDER BY input.position`;
  return answers.map((answer) => (answer.confirmed ? "CONFIRMED_NOW" : (answer.state ?? "GONE")));
}
