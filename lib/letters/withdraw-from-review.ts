import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { transitionLetter } from "./transition-letter";

/** Takes a letter back from the review queue to edit it further. */
export const withdrawFromReview = defineLetterAction({
  name: "withdrawFromReview",
  requires: "OWNER",
  input: z.object({}),
  async run({ db, now, actor, letter }) {
    await db.$transaction(async (tx) => {
      await transitionLetter(tx, letter.id, "withdraw-submission", { reviewRequestedAt: null });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "letter.review-withdrawn", at: now });
    });
  },
});
