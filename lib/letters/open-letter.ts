import { recordActivity } from "@/lib/activity/record-activity";
import type { Prisma } from "@/lib/db/prisma";
import type { TLetterEvent } from "./lifecycle";
import { transitionLetter } from "./transition-letter";

/** Opens a letter for signatures (by publishing, or by an admin's approval) and says so on its timeline. */
export async function openLetter(
  tx: Prisma.TransactionClient,
  opening: { letterId: string; event: Extract<TLetterEvent, "publish" | "approve">; actorId: string; now: Date },
): Promise<void> {
  await transitionLetter(tx, opening.letterId, opening.event, { publishedAt: opening.now, reviewNote: null, reviewRequestedAt: null });
  await tx.statusUpdate.create({
    data: {
      letterId: opening.letterId,
      kind: "PUBLISHED",
      body: "The letter was published and is open for signatures.",
      occurredAt: opening.now,
      authorId: opening.actorId,
    },
  });
  await recordActivity(tx, {
    letterId: opening.letterId,
    actorId: opening.actorId,
    action: opening.event === "publish" ? "letter.published" : "letter.approved",
    at: opening.now,
  });
}
