import { recordCountChange } from "@/lib/counts/record-count-change";
import { Prisma } from "@/lib/db/prisma";

/**
 * How a signature leaves the counts. A signature counts from its confirmation until it ends
 * (withdrawn by its signer, invalidated by an organiser); ending it appends a -1 on the UTC day
 * it was counted, for its domain, so that the per-day and per-domain series always add up to
 * the total. A signature that never counted (pending) leaves nothing to take back.
 *
 * One rule, in the two forms its callers need: `uncountEnded` for one row in TypeScript (the
 * single withdrawal and invalidation) and `uncountEndedSql` for a set of rows in one statement
 * (bulk invalidation, a batch at a time). They must agree; the "ending signatures" integration
 * test checks both against the same rows.
 */
export type TEndingSignature = { letterId: string; domain: string; state: string; confirmedAt: Date | null };

/** Whether ending this signature takes one off the counts: it was confirmed, hence counted. */
export function wasCounted(signature: Pick<TEndingSignature, "state" | "confirmedAt">): signature is { state: "CONFIRMED"; confirmedAt: Date } {
  return signature.state === "CONFIRMED" && signature.confirmedAt !== null;
}

/** Takes an ending signature off the counts, in the transaction that ends it. */
export async function uncountEnded(tx: Prisma.TransactionClient, signature: TEndingSignature): Promise<boolean> {
  if (!wasCounted(signature)) return false;
  await recordCountChange(tx, { letterId: signature.letterId, domain: signature.domain, confirmedAt: signature.confirmedAt, delta: -1 });
  return true;
}

/**
 * The same, for every row of `ending` (a CTE or table with columns "letterId", domain, state,
 * "confirmedAt", the states read before the update): an INSERT to use as a data-modifying CTE.
 * "confirmedAt" is stored in UTC without a zone, so its ::date is recordCountChange's utcDay.
 */
export function uncountEndedSql(ending: string): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "CountEvent" ("letterId", domain, day, delta)
    SELECT e."letterId", e.domain, e."confirmedAt"::date, -1
    FROM ${Prisma.raw(`"${ending.replaceAll('"', "")}"`)} e
    WHERE e.state = 'CONFIRMED' AND e."confirmedAt" IS NOT NULL`;
}
