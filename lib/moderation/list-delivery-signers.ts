import type { Db, Prisma } from "@/lib/db/prisma";

export type TNamedSigner = { name: string; jobTitle: string | null; team: string | null; domain: string; confirmedAt: Date; verificationMethod: "EMAIL" | "ORGANISER" };
export type TDeliverySigners = {
  named: TNamedSigner[];
  /** `byOrganisers`: how many of `count` the organisers verified (the rest, by work email). */
  anonymousByDomain: { domain: string; count: number; byOrganisers: number }[];
  totalsByDomain: { domain: string; count: number }[];
  total: number;
};

/**
 * Who signed, as the letter is delivered: confirmed signatures only, named where the signer chose
 * it and no moderator hid the name, otherwise only counted per domain. Exact, from the rows (the
 * delivered total must be the true one, not a folded count a second behind). Takes a transaction
 * so the export can read this and record itself in one snapshot.
 */
export async function listDeliverySigners(db: Db | Prisma.TransactionClient, letterId: string): Promise<TDeliverySigners> {
  const named = await db.signature.findMany({
    where: { letterId, state: "CONFIRMED", showName: true, nameHidden: false },
    orderBy: [{ confirmedAt: "asc" }, { id: "asc" }],
    select: { displayName: true, jobTitle: true, team: true, domain: true, confirmedAt: true, verificationMethod: true },
  });
  const byDomainAndMethod = await db.signature.groupBy({
    by: ["domain", "verificationMethod"],
    where: { letterId, state: "CONFIRMED" },
    _count: { _all: true },
  });
  const namedByDomain = new Map<string, number>();
  const namedByOrganisers = new Map<string, number>();
  for (const signer of named) {
    namedByDomain.set(signer.domain, (namedByDomain.get(signer.domain) ?? 0) + 1);
    if (signer.verificationMethod === "ORGANISER") namedByOrganisers.set(signer.domain, (namedByOrganisers.get(signer.domain) ?? 0) + 1);
  }
  const counts = new Map<string, { count: number; byOrganisers: number }>();
  for (const row of byDomainAndMethod) {
    const entry = counts.get(row.domain) ?? { count: 0, byOrganisers: 0 };
    entry.count += row._count._all;
    if (row.verificationMethod === "ORGANISER") entry.byOrganisers += row._count._all;
    counts.set(row.domain, entry);
  }
  const totalsByDomain = [...counts]
    .map(([domain, { count }]) => ({ domain, count }))
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain));
  return {
    named: named.map(({ displayName, confirmedAt, ...signer }) => ({ ...signer, name: displayName, confirmedAt: confirmedAt ?? new Date(0) })),
    anonymousByDomain: totalsByDomain
      .map(({ domain, count }) => ({
        domain,
        count: count - (namedByDomain.get(domain) ?? 0),
        byOrganisers: (counts.get(domain)?.byOrganisers ?? 0) - (namedByOrganisers.get(domain) ?? 0),
      }))
      .filter((row) => row.count > 0),
    totalsByDomain,
    total: totalsByDomain.reduce((sum, row) => sum + row.count, 0),
  };
}
