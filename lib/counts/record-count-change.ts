import type { Prisma } from "@/lib/db/prisma";

/**
 * Appends a change to a letter's counts, in the transaction that changed the signature. Never an
 * UPDATE of a count row: under a viral spike thousands of confirmations a second would queue on
 * that one row. The aggregator folds these events in batches (see fold-count-events.ts).
 */
export async function recordCountChange(
  tx: Prisma.TransactionClient,
  change: { letterId: string; domain: string; confirmedAt: Date; delta: 1 | -1 },
): Promise<void> {
  await tx.countEvent.create({
    data: { letterId: change.letterId, domain: change.domain, day: utcDay(change.confirmedAt), delta: change.delta },
  });
}

/** The UTC calendar day a signature counts towards in the per-day series. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
