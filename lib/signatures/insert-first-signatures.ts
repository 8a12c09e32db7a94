import { groupCommit, groupCommitPer, writeEachAloneOnFailure, type TGroupOutcome } from "@/lib/db/group-commit";
import { Prisma, type TDb } from "@/lib/db/prisma";
import { takesSignaturesSql } from "@/lib/letters/lifecycle";
import { assertPlainRecipient } from "@/lib/mail/enqueue-email";
import { confirmSignatureEmail } from "./emails/signature-emails";
import type { TSignatureProposal } from "./signature-proposal";

/** An address signing a letter for the first time, as createSignature has checked it. */
export type TFirstSignature = {
  letterId: string;
  emailKey: string;
  domain: string;
  address: string;
  proposal: TSignatureProposal;
  sourceKey: string | null;
  /** Whether the rate limits let this submission email the address. */
  mayEmail: boolean;
  now: Date;
};

// 200 rows is a statement of about 100 KB and a few milliseconds of locks; four statements at
// once leave most of the pool (DATABASE_POOL_SIZE, 10 by default) to everything else.
const MAX_BATCH = 200;
const MAX_CONCURRENT = 4;

const commitFor = groupCommitPer((db: TDb) =>
  groupCommit<TFirstSignature, boolean>({
    write: writeEachAloneOnFailure((rows) => insertBatch(db, rows)),
    maxBatch: MAX_BATCH,
    maxConcurrent: MAX_CONCURRENT,
  }),
);

/**
 * The common case, an address signing this letter for the first time: the pending row and its
 * confirmation email commit together or not at all. True when this call inserted the row; false
 * when the address already has one for the letter, or the letter stopped taking signatures
 * (the policy that was checked may be a second old), and the caller takes the slower path.
 *
 * Concurrent calls share one statement (group commit, lib/db/group-commit.ts), and each resolves
 * only after that statement has committed. ON CONFLICT rather than check-then-insert: fifty
 * simultaneous submissions of one address leave exactly one row, and all but one get false.
 */
export function insertFirstSignature(db: TDb, row: TFirstSignature): Promise<boolean> {
  return commitFor(db)(row);
}

async function insertBatch(db: TDb, rows: TFirstSignature[]): Promise<TGroupOutcome<boolean>[]> {
  const outcomes: TGroupOutcome<boolean>[] = rows.map(() => ({ ok: true, value: false }));
  // One row per (letter, address) in a statement: a second submission of the same address in the
  // batch is answered "not inserted", after the first one's row has committed, like the loser
  // of a race between two statements.
  const sent: number[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = `${row.letterId}:${row.emailKey}`;
    if (seen.has(key)) return;
    try {
      if (row.mayEmail) assertPlainRecipient(confirmSignatureEmail, row.address);
    } catch (error) {
      outcomes[index] = { ok: false, error };
      return;
    }
    seen.add(key);
    sent.push(index);
  });
  if (sent.length === 0) return outcomes;

  const column = <T>(pick: (row: TFirstSignature) => T) => sent.map((index) => pick(rows[index]!));
  // Plain SQL: one statement for the whole batch, where Prisma's createMany would be one per
  // table and could not insert only into letters still open, row by row.
  const inserted = await db.$queryRaw<{ position: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${column((row) => row.letterId)}::uuid[], ${column((row) => row.emailKey)}::text[], ${column((row) => row.domain)}::text[],
        ${column((row) => row.proposal.displayName)}::text[], ${column((row) => row.proposal.jobTitle)}::text[],
        ${column((row) => row.proposal.team)}::text[], ${column((row) => row.proposal.comment)}::text[],
        ${column((row) => row.proposal.showName)}::boolean[], ${column((row) => row.proposal.showNameAt)}::int[],
        ${column((row) => row.sourceKey)}::text[], ${column((row) => (row.mayEmail ? row.address : null))}::text[],
        ${column((row) => JSON.stringify(row.proposal))}::text[], ${column((row) => row.now)}::timestamptz[]
      ) WITH ORDINALITY AS t("letterId", "emailKey", domain, "displayName", "jobTitle", team, comment, "showName", "showNameAt",
                             "sourceKey", recipient, proposal, now, position)),
    inserted AS (
      INSERT INTO "Signature" ("letterId", "emailKey", "domain", "displayName", "jobTitle", "team", "comment", "showName", "showNameAt", "sourceKey")
      SELECT "letterId", "emailKey", domain, "displayName", "jobTitle", team, comment, "showName", "showNameAt", "sourceKey"
      FROM input
      WHERE ${takesSignaturesSql(Prisma.sql`input."letterId"`, Prisma.sql`input.now`)}
      ORDER BY position
      ON CONFLICT ("letterId", "emailKey") DO NOTHING
      RETURNING id, "letterId", "emailKey"),
    queued AS (
      INSERT INTO "OutboxEmail" ("to", "template", "data")
      SELECT input.recipient, ${confirmSignatureEmail.name}, jsonb_build_object('signatureId', inserted.id, 'proposal', input.proposal::jsonb)
      FROM inserted JOIN input USING ("letterId", "emailKey")
      WHERE input.recipient IS NOT NULL
      ORDER BY input.position)
    SELECT input.position::int AS position FROM inserted JOIN input USING ("letterId", "emailKey")`;
  for (const { position } of inserted) outcomes[sent[position - 1]!] = { ok: true, value: true };
  return outcomes;
}
