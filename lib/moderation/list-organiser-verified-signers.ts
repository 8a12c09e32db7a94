import type { TDb } from "@/lib/db/prisma";

export type TOrganiserVerifiedSigner = { displayName: string; anonymous: boolean; domain: string; confirmedAt: Date };

/**
 * The signers a letter's organisers verified most recently, names included (the organisers
 * learnt them when checking), for the next check: this path has no address to refuse a second
 * signature on, so a name seen twice is the only clue.
 */
export async function listOrganiserVerifiedSigners(db: TDb, letterId: string, options: { limit: number }): Promise<TOrganiserVerifiedSigner[]> {
  const rows = await db.signature.findMany({
    where: { letterId, verificationMethod: "ORGANISER", state: "CONFIRMED" },
    orderBy: [{ confirmedAt: "desc" }, { id: "desc" }],
    take: options.limit,
    select: { displayName: true, showName: true, domain: true, confirmedAt: true },
  });
  return rows.map((row) => ({ displayName: row.displayName, anonymous: !row.showName, domain: row.domain, confirmedAt: row.confirmedAt ?? new Date(0) }));
}
