import { Prisma } from "@/lib/db/prisma";
import { teamKeySql } from "@/lib/teams/team-key-sql";
import { sharesSql } from "./named-counts";

/**
 * Appends a change to a letter's counts, in the transaction that changed the signature. Never an
 * UPDATE of a count row: under a viral spike thousands of confirmations a second would queue on
 * that one row. The aggregator folds these events in batches (see fold-count-events.ts).
 *
 * The team is read from the signature row in the same statement, as this transaction has left
 * it, so the event counts the team the signature records, and its share of the named and
 * organiser-verified counts as it now stands (named-counts.ts).
 */
export async function recordCountChange(
  tx: Prisma.TransactionClient,
  change: { signatureId: string; letterId: string; domain: string; confirmedAt: Date; delta: 1 | -1 },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CountEvent" ("letterId", domain, day, team, delta, named, "anonymousByOrganisers")
    SELECT ${change.letterId}::uuid, ${change.domain}, ${utcDay(change.confirmedAt)}::date, ${teamKeySql(Prisma.sql`s.team`)}, ${change.delta}::int,
      ${sharesSql("s", Prisma.sql`${change.delta}::int`)}
    FROM "Signature" s WHERE s.id = ${change.signatureId}::uuid`;
}

/** The UTC calendar day a signature counts towards in the per-day series. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
