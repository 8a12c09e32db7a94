import type { TDb } from "@/lib/db/prisma";
import { Prisma } from "@/lib/db/prisma";
import { burnTokensSql, uncountEndedSql } from "@/lib/signatures/lifecycle";
import { bulkTargetSql, filterParams, type TSignatureFilter } from "./signature-filter";

/**
 * Rows a bulk invalidation ends per transaction. Each batch locks at most this many signature
 * rows, for the few tens of milliseconds its statement takes, so a confirmation or withdrawal
 * racing a bulk invalidation of a whole 20,000-signer domain waits that long, not for the
 * whole domain (measured in bench/scale.ts).
 */
export const INVALIDATION_BATCH = 1_000;

export type TBulkInvalidationResult = { pending: number; confirmed: number; total: number };

export type TBulkInvalidationJob = {
  letterId: string;
  filter: TSignatureFilter;
  reason: string;
  actorId: string | null;
  now: Date;
  batchSize?: number;
};

/**
 * Ends every pending and confirmed signature the filter matches that was submitted by `now`, a
 * batch at a time, each batch its own transaction. Resumable and idempotent: what a batch ended
 * no longer matches (it is INVALIDATED), so a run cut short is finished by running it again, and
 * a second run ends nothing. Signatures submitted after `now` are left alone, so a flood still
 * arriving cannot keep the job going forever (the organiser sees them, and runs it again).
 *
 * The activity entry is written by the first batch and brought up to date by each later one, in
 * that batch's transaction: whatever happens to the run, the log says exactly what was ended.
 */
export async function invalidateInBatches(db: TDb, job: TBulkInvalidationJob): Promise<TBulkInvalidationResult> {
  const batchSize = job.batchSize ?? INVALIDATION_BATCH;
  const totals = { pending: 0, confirmed: 0 };
  let activityId: bigint | null = null;
  // Keyset over (createdAt, id), the order of the letterId/createdAt index: every batch starts
  // where the last one stopped, so the job reads the letter's rows once in all (a domain's rows
  // are scattered through a letter; re-reading from the start each batch made a whole-domain
  // invalidation quadratic). A row's createdAt never changes, so no match is passed over.
  let after: { at: Date; id: string } | null = null;
  for (let batch = 0; ; batch += 1) {
    const ended = await db.$transaction(async (tx) => {
      // FOR UPDATE in `target`: a concurrent confirmation or withdrawal waits for this batch
      // only, and PostgreSQL re-checks the state condition on the row it then sees (so a batch
      // may hold fewer rows than asked: only an empty batch means done). Tokens are burnt so no
      // confirm link revives an invalidated signature; lifecycle.ts takes the confirmed ones off
      // the counts on the day they were counted.
      const [counts] = await tx.$queryRaw<{ pending: bigint; confirmed: bigint; lastAt: Date | null; lastId: string | null }[]>`
        WITH target AS (
          SELECT s.id, s."letterId", s.state, s.domain, s.team, s."confirmedAt", s."createdAt", s."showName", s."nameHidden", s."verificationMethod"
          FROM "Signature" s WHERE ${bulkTargetSql(job.letterId, job.filter)} AND s."createdAt" <= ${job.now}
            ${after ? Prisma.sql`AND s."createdAt" >= ${after.at} AND (s."createdAt" > ${after.at} OR s.id > ${after.id}::uuid)` : Prisma.empty}
          ORDER BY s."createdAt", s.id
          LIMIT ${batchSize}
          FOR UPDATE
        ),
        ended AS (
          UPDATE "Signature" u
          SET state = 'INVALIDATED', "invalidationReason" = ${job.reason}, "endedAt" = ${job.now}
          FROM target WHERE u.id = target.id
          RETURNING target.id
        ),
        burnt AS (${burnTokensSql("target", job.now)}),
        uncounted AS (${uncountEndedSql("target")})
        SELECT COUNT(*) FILTER (WHERE target.state = 'PENDING') AS pending,
               COUNT(*) FILTER (WHERE target.state = 'CONFIRMED') AS confirmed,
               (SELECT "createdAt" FROM target ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS "lastAt",
               (SELECT id::text FROM target ORDER BY "createdAt" DESC, id DESC LIMIT 1) AS "lastId"
        FROM target JOIN ended ON ended.id = target.id`;
      if (counts?.lastAt && counts.lastId) after = { at: counts.lastAt, id: counts.lastId };
      const pending = Number(counts?.pending ?? 0);
      const confirmed = Number(counts?.confirmed ?? 0);
      if (pending + confirmed === 0 && batch > 0) return 0;
      totals.pending += pending;
      totals.confirmed += confirmed;
      const detail = { filter: filterParams(job.filter), reason: job.reason, ...totals, total: totals.pending + totals.confirmed };
      if (activityId === null) {
        const entry = await tx.letterActivity.create({
          data: { letterId: job.letterId, actorId: job.actorId, action: "signatures.bulk-invalidated", detail, createdAt: job.now },
          select: { id: true },
        });
        activityId = entry.id;
      } else {
        await tx.letterActivity.update({ where: { id: activityId }, data: { detail: detail as Prisma.InputJsonObject } });
      }
      return pending + confirmed;
    });
    if (ended === 0) break;
  }
  return { ...totals, total: totals.pending + totals.confirmed };
}
