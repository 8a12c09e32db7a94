import type { SignatureState } from "@/lib/db/generated/enums";
import type { Db } from "@/lib/db/prisma";

export type TStateCounts = Record<SignatureState, number>;
export type TDomainStateCounts = { domain: string } & TStateCounts;
export type TSignatureCounts = { byState: TStateCounts; byDomain: TDomainStateCounts[] };

const emptyCounts = (): TStateCounts => ({ PENDING: 0, CONFIRMED: 0, WITHDRAWN: 0, INVALIDATED: 0 });

/**
 * A letter's signatures counted exactly from the rows, by state and by domain, for its
 * organisers (the public totals come from the folded counts instead). Domains with the most
 * confirmed signatures first.
 */
export async function countSignatures(db: Db, letterId: string): Promise<TSignatureCounts> {
  const rows = await db.signature.groupBy({ by: ["domain", "state"], where: { letterId }, _count: { _all: true } });
  const byState = emptyCounts();
  const domains = new Map<string, TStateCounts>();
  for (const row of rows) {
    byState[row.state] += row._count._all;
    const counts = domains.get(row.domain) ?? emptyCounts();
    counts[row.state] += row._count._all;
    domains.set(row.domain, counts);
  }
  const byDomain = [...domains]
    .map(([domain, counts]) => ({ domain, ...counts }))
    .sort((a, b) => b.CONFIRMED - a.CONFIRMED || b.PENDING - a.PENDING || a.domain.localeCompare(b.domain));
  return { byState, byDomain };
}
