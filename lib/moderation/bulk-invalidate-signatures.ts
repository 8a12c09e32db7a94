import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { ZInvalidationReason } from "./invalidation-reason";
import { bulkTargetSql, filterParams, ZSignatureFilter } from "./signature-filter";

export const ZBulkInvalidation = z.object({ filter: ZSignatureFilter, reason: ZInvalidationReason });

export type TBulkInvalidationResult = { pending: number; confirmed: number; total: number };

/**
 * Ends every pending and confirmed signature the filter matches, in one transaction: the same
 * filter and the same WHERE clause as the preview, re-evaluated now, so the result reports what
 * was actually invalidated (a signature withdrawn since the preview is not counted twice).
 *
 * OWNER only: one click here can erase a letter's support, so it belongs to whoever answers for
 * the letter (or a platform admin), not to every co-editor. Single invalidations stay EDITOR.
 */
export const bulkInvalidateSignatures = defineLetterAction({
  name: "signatures.bulk-invalidate",
  requires: "OWNER",
  input: ZBulkInvalidation,
  async run({ db, now, actor, letter }, { filter, reason }): Promise<TBulkInvalidationResult> {
    return db.$transaction(async (tx) => {
      // One statement. FOR UPDATE in `target`: a concurrent confirmation or withdrawal waits,
      // and PostgreSQL re-checks the state condition on the row it then sees. Tokens are burnt
      // so that no confirm link revives an invalidated signature; each confirmed one appends a
      // -1 count event on the UTC day it was counted ("confirmedAt" is stored in UTC), so the
      // daily series still adds up to the total.
      const [counts] = await tx.$queryRaw<{ pending: bigint; confirmed: bigint }[]>`
        WITH target AS (
          SELECT s.id, s.state, s.domain, s."confirmedAt"
          FROM "Signature" s WHERE ${bulkTargetSql(letter.id, filter)}
          FOR UPDATE
        ),
        ended AS (
          UPDATE "Signature" u
          SET state = 'INVALIDATED', "invalidationReason" = ${reason}, "endedAt" = ${now}
          FROM target WHERE u.id = target.id
          RETURNING target.id
        ),
        burnt AS (
          UPDATE "SignatureToken" t SET "usedAt" = ${now}, proposal = NULL
          FROM target WHERE t."signatureId" = target.id AND t."usedAt" IS NULL
        ),
        uncounted AS (
          INSERT INTO "CountEvent" ("letterId", domain, day, delta)
          SELECT ${letter.id}::uuid, target.domain, target."confirmedAt"::date, -1
          FROM target WHERE target.state = 'CONFIRMED' AND target."confirmedAt" IS NOT NULL
        )
        SELECT COUNT(*) FILTER (WHERE target.state = 'PENDING') AS pending,
               COUNT(*) FILTER (WHERE target.state = 'CONFIRMED') AS confirmed
        FROM target JOIN ended ON ended.id = target.id`;
      const pending = Number(counts?.pending ?? 0);
      const confirmed = Number(counts?.confirmed ?? 0);
      const result = { pending, confirmed, total: pending + confirmed };
      await recordActivity(tx, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "signatures.bulk-invalidated",
        detail: { filter: filterParams(filter), reason, ...result },
        at: now,
      });
      return result;
    });
  },
});
