import type { TDb } from "@/lib/db/prisma";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rows per transaction. A batch deletes or rewrites this many signature rows in a few tens of
 * milliseconds, so nothing waits on retention for longer than that (bench/scale.ts measures it
 * on a million-signature letter); one transaction per letter took minutes there and was ended
 * by Prisma's 5 s timeout, so nothing was ever anonymised.
 */
export const RETENTION_BATCH = 2_000;

export type TRetentionResult = { letters: number; erased: number; reduced: number };

/**
 * Keeps of a letter closed more than `retentionDays` ago only what its public page shows: the
 * confirmed signatures, each with its domain and date, and a name, title, team or comment only
 * where the public page shows it. Everything that could tie a record to a person or a network
 * goes: the address's keyed hash (no longer needed: nobody can sign a closed letter), the
 * client's source key, the hidden or anonymous details, every signature that never counted
 * (pending, withdrawn, invalidated), and any email still queued about them. Counts are
 * untouched.
 *
 * A job, in bounded batches, each its own short transaction: resumable (a run cut short leaves
 * every batch it finished done, and the next run carries on, since each step selects only what
 * is still to do) and idempotent. A letter is marked once nothing is left, so later runs skip
 * it instead of scanning its rows again.
 */
export async function anonymiseClosedLetters(db: TDb, now: Date, retentionDays: number, options: { batchSize?: number } = {}): Promise<TRetentionResult> {
  const batchSize = options.batchSize ?? RETENTION_BATCH;
  const closedBefore = new Date(now.getTime() - retentionDays * DAY_MS);
  const letters = await db.letter.findMany({
    where: { status: "CLOSED", closedAt: { lt: closedBefore }, signersReducedAt: null },
    select: { id: true },
  });
  const result: TRetentionResult = { letters: letters.length, erased: 0, reduced: 0 };
  for (const { id } of letters) {
    await forgetQueuedEmails(db, id);
    result.erased += await repeatUntilDone(() => eraseNeverCounted(db, id, batchSize));
    result.reduced += await reduceCounted(db, id, batchSize);
    await db.letter.update({ where: { id }, data: { signersReducedAt: now } });
  }
  return result;
}

/**
 * Unsent email about the letter's signatures (a confirm link nobody used). One statement over
 * the unsent queue (the sentAt index), each row looked up by its signature's primary key: its
 * cost follows the queue, not the letter.
 */
async function forgetQueuedEmails(db: TDb, letterId: string): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "OutboxEmail" o WHERE o."sentAt" IS NULL AND EXISTS (
      SELECT 1 FROM "Signature" s
      WHERE s."letterId" = ${letterId}::uuid
        AND s.id = CASE WHEN o.data->>'signatureId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN (o.data->>'signatureId')::uuid END)`;
}

/** One batch of signatures that never counted, deleted (their tokens go with them). */
async function eraseNeverCounted(db: TDb, letterId: string, batchSize: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "Signature" WHERE id IN (
      SELECT id FROM "Signature"
      WHERE "letterId" = ${letterId}::uuid AND state IN ('PENDING', 'WITHDRAWN', 'INVALIDATED')
      LIMIT ${batchSize})`;
}

/**
 * The confirmed signatures reduced to what the public page shows, a batch at a time in the order
 * of the (letterId, emailKey) index, from where the last batch stopped: the job reads the
 * letter's rows once. A reduced row's new key sorts elsewhere in that index and is skipped by
 * its prefix if it comes round again.
 */
async function reduceCounted(db: TDb, letterId: string, batchSize: number): Promise<number> {
  let reduced = 0;
  let afterKey = "";
  for (;;) {
    const rows = await db.$queryRaw<{ emailKey: string; reduced: boolean }[]>`
      WITH batch AS (
        SELECT id, "emailKey" FROM "Signature"
        WHERE "letterId" = ${letterId}::uuid AND "emailKey" > ${afterKey}
        ORDER BY "emailKey" LIMIT ${batchSize}
      ),
      reduced AS (
        UPDATE "Signature" s SET
          "emailKey" = 'erased:' || s.id::text,
          "sourceKey" = NULL,
          "displayName" = CASE WHEN s."showName" AND NOT s."nameHidden" THEN s."displayName" ELSE '' END,
          "jobTitle" = CASE WHEN s."showName" AND NOT s."nameHidden" THEN s."jobTitle" END,
          "team" = CASE WHEN s."showName" AND NOT s."nameHidden" THEN s."team" END,
          "comment" = CASE WHEN NOT s."commentHidden" THEN s."comment" END
        FROM batch WHERE s.id = batch.id AND batch."emailKey" NOT LIKE 'erased:%' AND s.state = 'CONFIRMED'
        RETURNING s.id
      )
      SELECT b."emailKey", EXISTS (SELECT 1 FROM reduced r WHERE r.id = b.id) AS reduced FROM batch b ORDER BY b."emailKey"`;
    if (rows.length === 0) return reduced;
    reduced += rows.filter((row) => row.reduced).length;
    afterKey = rows.at(-1)!.emailKey;
  }
}

async function repeatUntilDone(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let done = await batch(); done > 0; done = await batch()) total += done;
  return total;
}
