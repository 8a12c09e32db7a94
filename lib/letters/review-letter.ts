import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { openLetter } from "./open-letter";
import { transitionLetter } from "./transition-letter";

export const ZReviewDecision = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve") }),
  z.object({
    decision: z.literal("reject"),
    reason: z.string().trim().min(1, "Tell the organisers what to change.").max(2_000, "Keep the reason under 2,000 characters."),
  }),
]);

/** A platform admin's decision on a letter in the review queue; a rejection's reason is shown to its organisers. */
export const reviewLetter = defineLetterAction({
  name: "reviewLetter",
  requires: "ADMIN",
  input: ZReviewDecision,
  async run({ db, now, actor, letter }, review) {
    await db.$transaction(async (tx) => {
      if (review.decision === "approve") {
        await openLetter(tx, { letterId: letter.id, event: "approve", actorId: actor.userId, now });
      } else {
        await transitionLetter(tx, letter.id, "reject", { reviewNote: review.reason, reviewRequestedAt: null });
        await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "letter.rejected", detail: { reason: review.reason }, at: now });
      }
    });
    return review.decision;
  },
});
