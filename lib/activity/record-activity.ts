import type { TDb, Prisma } from "@/lib/db/prisma";

/**
 * What organisers can see happened to their letter. Each entry names the action and carries
 * only what a co-organiser may read (never a signer's address or source key).
 */
export type TActivityAction =
  | "letter.created"
  | "letter.edited"
  | "letter.submitted-for-review"
  | "letter.review-withdrawn"
  | "letter.approved"
  | "letter.rejected"
  | "letter.published"
  | "letter.closed"
  | "letter.transferred"
  // Quiet launch (lib/letters/quiet-launch/)
  | "letter.visibility-changed"
  | "letter.made-public"
  | "status.posted"
  | "status.deleted"
  | "demand.status-changed"
  | "editor.invited"
  | "editor.joined"
  | "editor.removed"
  | "invitation.revoked"
  | "signature.name-hidden"
  | "signature.name-shown"
  | "signature.comment-hidden"
  | "signature.comment-shown"
  | "signature.invalidated"
  | "signatures.bulk-invalidated"
  | "signatures.exported"
  // Signers verified by organisers (issue 14 §3)
  | "organiser-code.looked-up"
  | "organiser-code.missed"
  | "signature.organiser-verified"
  | "signature.organiser-rejected";

/**
 * Actions that change what organisers edit (words, settings, status, timeline): each bumped the
 * letter's version before it was recorded, and its entry keeps that version, so that an edit
 * refused as stale can list what changed since (lib/letters/letter-version.ts).
 */
const CHANGES_THE_LETTER: ReadonlySet<TActivityAction> = new Set<TActivityAction>([
  "letter.edited",
  "letter.submitted-for-review",
  "letter.review-withdrawn",
  "letter.approved",
  "letter.rejected",
  "letter.published",
  "letter.closed",
  "letter.visibility-changed",
  "letter.made-public",
  "status.posted",
  "status.deleted",
  "demand.status-changed",
]);

export async function recordActivity(
  tx: Prisma.TransactionClient | TDb,
  entry: { letterId: string; actorId: string | null; action: TActivityAction; detail?: Prisma.InputJsonObject; at: Date },
): Promise<void> {
  const letterVersion = CHANGES_THE_LETTER.has(entry.action)
    ? ((await tx.letter.findUnique({ where: { id: entry.letterId }, select: { version: true } }))?.version ?? null)
    : null;
  await tx.letterActivity.create({
    data: { letterId: entry.letterId, actorId: entry.actorId, action: entry.action, detail: entry.detail ?? {}, createdAt: entry.at, letterVersion },
  });
}
