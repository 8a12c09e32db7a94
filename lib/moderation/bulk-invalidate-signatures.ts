import { z } from "zod";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { ZInvalidationReason } from "./invalidation-reason";
import { invalidateInBatches, type TBulkInvalidationResult } from "./invalidate-in-batches";
import { ZSignatureFilter } from "./signature-filter";

export const ZBulkInvalidation = z.object({ filter: ZSignatureFilter, reason: ZInvalidationReason });

export type { TBulkInvalidationResult };

/**
 * Ends every pending and confirmed signature the filter matches, in bounded batches (see
 * invalidate-in-batches.ts): the same filter and the same WHERE clause as the preview,
 * re-evaluated now, so the result reports what was actually invalidated (a signature withdrawn
 * since the preview is not counted twice).
 *
 * OWNER only: one click here can erase a letter's support, so it belongs to whoever answers for
 * the letter (or a platform admin), not to every co-editor. Single invalidations stay EDITOR.
 */
export const bulkInvalidateSignatures = defineLetterAction({
  name: "bulkInvalidateSignatures",
  requires: "OWNER",
  input: ZBulkInvalidation,
  async run({ db, now, actor, letter }, { filter, reason }): Promise<TBulkInvalidationResult> {
    return invalidateInBatches(db, { letterId: letter.id, filter, reason, actorId: actor.userId, now });
  },
});
