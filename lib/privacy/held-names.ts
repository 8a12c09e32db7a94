/**
 * Names held until delivery (issue 13 §2): a letter's organisers may choose that no signer's
 * name is public until the letter is delivered, so that nobody is named while the letter still
 * circulates, and every name appears at once on the day it is handed over. Until then the public
 * sees totals, domains and comments, and every signature as if anonymous; the organisers' own
 * views keep names as always. Posting the "Delivered" status update publishes the names of the
 * signers who chose to show theirs. This module is the rule; the public lists apply it
 * (listPublicSignatures), and the letter page and API say so.
 */

/** The Prisma select that tells whether a letter has been delivered: a "Delivered" status update exists. */
export const DELIVERED_SELECT = { statusUpdates: { where: { kind: "DELIVERED" as const }, select: { kind: true }, take: 1 } };

/** Whether the public may not see any signer's name on this letter yet; the letter read with DELIVERED_SELECT, or with its whole timeline. */
export function namesHeld(letter: { holdNamesUntilDelivery: boolean; statusUpdates: readonly { kind: string }[] }): boolean {
  return letter.holdNamesUntilDelivery && !letter.statusUpdates.some((update) => update.kind === "DELIVERED");
}
