import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { openLetter } from "./open-letter";
import { publishRequirements } from "./publish-requirements";
import { transitionLetter } from "./transition-letter";

/**
 * Publishes a complete draft: it opens at once, or, when the platform requires approval, joins
 * the admins' review queue (an admin's own letters skip the queue they would review). An owner's
 * decision: publishing can expose the organisers, so an editor cannot do it for them.
 */
export const publishLetter = defineLetterAction({
  name: "publishLetter",
  requires: "OWNER",
  input: z.object({}),
  async run({ db, now, actor, letter, settings }) {
    const full = await db.letter.findUniqueOrThrow({
      where: { id: letter.id },
      select: {
        title: true,
        addressee: true,
        bodyMarkdown: true,
        openToAnyDomain: true,
        closesAt: true,
        organiserVerification: true,
        organiserVerificationInstructions: true,
        demands: { select: { id: true } },
        domainRules: { select: { id: true } },
      },
    });
    const missing = publishRequirements(full, now);
    if (Object.keys(missing).length > 0) throw new AppError("LETTER_INCOMPLETE", { fields: missing });

    const needsReview = settings.requireApproval && !actor.isAdmin;
    await db.$transaction(async (tx) => {
      if (needsReview) {
        await transitionLetter(tx, letter.id, "submit", { reviewRequestedAt: now, reviewNote: null });
        await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "letter.submitted-for-review", at: now });
      } else {
        await openLetter(tx, { letterId: letter.id, event: "publish", actorId: actor.userId, now });
      }
    });
    return { status: needsReview ? ("IN_REVIEW" as const) : ("OPEN" as const) };
  },
});
