import { recordCountChange } from "@/lib/counts/record-count-change";
import type { Prisma } from "@/lib/db/prisma";

/**
 * The one rule by which a pending signature starts to count, whoever vouched for it: the signer
 * pressing Confirm on the emailed link (confirm-signature.ts) or an organiser checking the code
 * the signer showed them (verifyOrganiserCode in lib/moderation/decide-organiser-code.ts). Run inside the caller's
 * transaction. The conditional update is the lock: of two concurrent confirmations exactly one
 * sees a PENDING row, and only that one appends the +1 count event. Returns whether it counted.
 *
 * The emailed link's confirmation applies this same rule in one SQL statement, for speed
 * (confirm-pending-signatures.ts): change one, change both. An integration test
 * (confirm-and-withdraw) holds them to the same row change and the same count event.
 */
export async function countConfirmation(
  tx: Prisma.TransactionClient,
  signature: { id: string; letterId: string; domain: string },
  now: Date,
  /** What the confirmed submission asked to publish (an email link's proposal), written with it. */
  details: Prisma.SignatureUpdateManyMutationInput = {},
): Promise<boolean> {
  const confirmed = await tx.signature.updateMany({
    where: { id: signature.id, state: "PENDING" },
    data: { ...details, state: "CONFIRMED", confirmedAt: now },
  });
  if (confirmed.count === 0) return false;
  await recordCountChange(tx, { signatureId: signature.id, letterId: signature.letterId, domain: signature.domain, confirmedAt: now, delta: 1 });
  return true;
}
