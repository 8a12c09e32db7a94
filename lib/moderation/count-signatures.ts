import type { SignatureState } from "@/lib/db/generated/enums";
import { exactDomainCountsSql } from "@/lib/counts/get-letter-total";
import type { TDb } from "@/lib/db/prisma";

export type TStateCounts = Record<SignatureState, number>;
export type TDomainStateCounts = { domain: string } & TStateCounts;
export type TSignatureCounts = { byState: TStateCounts; byDomain: TDomainStateCounts[] };

const emptyCounts = (): TStateCounts => ({ PENDING: 0, CONFIRMED: 0, WITHDRAWN: 0, INVALIDATED: 0 });

/**
 * A letter's signatures counted exactly, by state and by domain, for its organisers, domains
 * with the most confirmed signatures first. One statement, so one snapshot:
 * - confirmed: the folded per-domain counts plus the events not folded yet (as the exact total
 *   of get-letter-total.ts), since counting a million confirmed rows took over a second;
 * - pending, withdrawn, invalidated: counted from the rows, through the (letterId, state, …)
 *   index, so the cost follows how many there are, not the letter's size.
 */
export async function countSignatures(db: TDb, letterId: string): Promise<TSignatureCounts> {
  const rows = await db.$queryRaw<{ domain: string; state: SignatureState; count: bigint }[]>`
    SELECT domain, 'CONFIRMED' AS state, total AS count FROM (${exactDomainCountsSql(letterId)}) confirmed WHERE total <> 0
    UNION ALL
    SELECT domain, state::text, COUNT(*) FROM "Signature"
    WHERE "letterId" = ${letterId}::uuid AND state IN ('PENDING', 'WITHDRAWN', 'INVALIDATED')
    GROUP BY domain, state`;
  const byState = emptyCounts();
  const domains = new Map<string, TStateCounts>();
  for (const row of rows) {
    const count = Number(row.count);
    byState[row.state] += count;
    const counts = domains.get(row.domain) ?? emptyCounts();
    counts[row.state] += count;
    domains.set(row.domain, counts);
  }
  const byDomain = [...domains]
    .map(([domain, counts]) => ({ domain, ...counts }))
    .sort((a, b) => b.CONFIRMED - a.CONFIRMED || b.PENDING - a.PENDING || a.domain.localeCompare(b.domain));
  return { byState, byDomain };
}
