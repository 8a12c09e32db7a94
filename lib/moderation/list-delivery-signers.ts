import type { Db, Prisma } from "@/lib/db/prisma";
import { Prisma as P } from "@/lib/db/prisma";

export type TNamedSigner = { id: string; name: string; jobTitle: string | null; team: string | null; domain: string; confirmedAt: Date; verificationMethod: "EMAIL" | "ORGANISER" };
export type TDomainCount = { domain: string; count: number };
export type TSignerSummary = {
  /** Confirmed signatures per domain, most first. */
  totalsByDomain: TDomainCount[];
  /**
   * Per domain, the confirmed signers who are not named (by choice, or hidden by a moderator);
   * `byOrganisers`: how many of `count` the organisers verified (the rest, by work email).
   */
  anonymousByDomain: (TDomainCount & { byOrganisers: number })[];
  named: number;
  anonymous: number;
  total: number;
};
export type TDeliverySigners = TSignerSummary & {
  /** The first named signers, in the order they confirmed: at most the limit asked for. */
  firstNamed: TNamedSigner[];
};

type TReader = Db | Prisma.TransactionClient;

/**
 * Who signed, as the letter is delivered: confirmed signatures only, named where the signer chose
 * it and no moderator hid the name, otherwise only counted per domain. Exact, from the rows (the
 * delivered total must be the true one, not a folded count a second behind). One statement, so
 * its totals agree with each other; pass a transaction to read it in the same snapshot as more.
 */
export async function summariseSigners(db: TReader, letterId: string): Promise<TSignerSummary> {
  const rows = await db.$queryRaw<{ domain: string; total: bigint; named: bigint; anonymousByOrganisers: bigint }[]>`
    SELECT domain, COUNT(*) AS total, COUNT(*) FILTER (WHERE "showName" AND NOT "nameHidden") AS named,
      COUNT(*) FILTER (WHERE NOT ("showName" AND NOT "nameHidden") AND "verificationMethod" = 'ORGANISER') AS "anonymousByOrganisers"
    FROM "Signature" WHERE "letterId" = ${letterId}::uuid AND state = 'CONFIRMED'
    GROUP BY domain`;
  const domains = rows
    .map((row) => ({ domain: row.domain, count: Number(row.total), named: Number(row.named), anonymousByOrganisers: Number(row.anonymousByOrganisers) }))
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain));
  const named = domains.reduce((sum, row) => sum + row.named, 0);
  const total = domains.reduce((sum, row) => sum + row.count, 0);
  return {
    totalsByDomain: domains.map(({ domain, count }) => ({ domain, count })),
    anonymousByDomain: domains
      .map(({ domain, count, named, anonymousByOrganisers }) => ({ domain, count: count - named, byOrganisers: anonymousByOrganisers }))
      .filter((row) => row.count > 0),
    named,
    anonymous: total - named,
    total,
  };
}

/**
 * Named signers in the order they confirmed (confirmedAt, then id), `limit` of them after the
 * keyset `after`: the export reads a whole letter this way a batch at a time, the delivery page
 * reads its first page. The outer bound on confirmedAt is what lets PostgreSQL start the
 * (letterId, state, confirmedAt) index range at the cursor.
 */
export async function pageNamedSigners(db: TReader, letterId: string, options: { limit: number; after?: { at: Date; id: string } | null }): Promise<TNamedSigner[]> {
  const after = options.after;
  return db.$queryRaw<TNamedSigner[]>`
    SELECT id::text AS id, "displayName" AS name, "jobTitle", team, domain, "confirmedAt", "verificationMethod"::text AS "verificationMethod"
    FROM "Signature"
    WHERE "letterId" = ${letterId}::uuid AND state = 'CONFIRMED' AND "showName" AND NOT "nameHidden" AND "confirmedAt" IS NOT NULL
      ${after ? P.sql`AND "confirmedAt" >= ${after.at} AND ("confirmedAt" > ${after.at} OR id > ${after.id}::uuid)` : P.empty}
    ORDER BY "confirmedAt", id
    LIMIT ${options.limit}`;
}

/** The summary and the first `namedLimit` named signers, for the delivery page. */
export async function listDeliverySigners(db: Db, letterId: string, namedLimit: number): Promise<TDeliverySigners> {
  const [summary, firstNamed] = await Promise.all([summariseSigners(db, letterId), pageNamedSigners(db, letterId, { limit: namedLimit })]);
  return { ...summary, firstNamed };
}
