import { recordActivity } from "@/lib/activity/record-activity";
import type { Prisma } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { isPublicSql } from "../lifecycle";
import { madePublicEmail } from "./made-public-email";
import { countOf, NOUNS } from "@/lib/wording/plural";

/**
 * Makes an unlisted, published letter public because its organiser said so. One conditional
 * UPDATE decides: whoever changes the row (this call, a second press, or a count fold reaching
 * the letter's threshold at the same moment) is the only one to record it. Returns whether
 * this call did.
 */
export async function makePublicByHand(tx: Prisma.TransactionClient, going: { letterId: string; actorId: string; now: Date }): Promise<boolean> {
  // A new version: an edit made on the letter before it went public is stale (letter-version.ts).
  const flipped = await tx.$executeRaw`
    UPDATE "Letter" SET listed = true, "listedAt" = ${going.now}, version = version + 1, "updatedAt" = ${going.now}
    WHERE id = ${going.letterId}::uuid AND NOT listed AND ${isPublicSql("Letter")}`;
  if (flipped === 0) return false;
  await recordWentPublic(tx, { letterId: going.letterId, actorId: going.actorId, at: going.now, threshold: null });
  return true;
}

/**
 * What follows a letter going public, in the transaction that flipped it (by hand, or in the
 * count fold: lib/counts/fold-count-events.ts): the public timeline says so, the activity log
 * says who or what did it, and, when the threshold did it, every organiser is told by email.
 */
export async function recordWentPublic(
  tx: Prisma.TransactionClient,
  went: { letterId: string; actorId: string | null; at: Date; threshold: { listAtSignatures: number; total: number } | null },
): Promise<void> {
  const { threshold } = went;
  await tx.statusUpdate.create({
    data: {
      letterId: went.letterId,
      kind: "MADE_PUBLIC",
      body: threshold
        ? `The letter reached ${countOf(threshold.listAtSignatures, NOUNS.verifiedSignature)} and was made public. Until then it was shared by its link only.`
        : "The organisers made the letter public. Until then it was shared by its link only.",
      occurredAt: went.at,
      authorId: went.actorId,
    },
  });
  await recordActivity(tx, {
    letterId: went.letterId,
    actorId: went.actorId,
    action: "letter.made-public",
    detail: threshold ? { by: "threshold", listAtSignatures: threshold.listAtSignatures, total: threshold.total } : { by: "organiser" },
    at: went.at,
  });
  if (!threshold) return;
  const organisers = await tx.letterOrganiser.findMany({ where: { letterId: went.letterId }, select: { user: { select: { email: true } } } });
  for (const { user } of organisers) {
    await enqueueEmail(tx, madePublicEmail, user.email, { letterId: went.letterId, listAtSignatures: threshold.listAtSignatures });
  }
}
