import { Prisma, type TDb } from "@/lib/db/prisma";

/**
 * A letter's exact total at this moment: the folded count plus the events not folded yet. For
 * the one reader who must see their own signature counted at once (the confirmation page);
 * every other page reads the folded count, at most a couple of seconds behind.
 */
/** As getExactLetterTotal, for one domain of the letter: what a signer waiting on a threshold is told. */
export async function getExactDomainTotal(db: TDb | Prisma.TransactionClient, letterId: string, domain: string): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT COALESCE((SELECT "total" FROM "DomainCount" WHERE "letterId" = ${letterId}::uuid AND domain = ${domain}), 0)
         + COALESCE((SELECT SUM("delta") FROM "CountEvent" WHERE "letterId" = ${letterId}::uuid AND domain = ${domain}), 0) AS total`;
  return Number(row?.total ?? 0);
}

export async function getExactLetterTotal(db: TDb | Prisma.TransactionClient, letterId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    SELECT COALESCE((SELECT "total" FROM "LetterCount" WHERE "letterId" = ${letterId}::uuid), 0)
         + COALESCE((SELECT SUM("delta") FROM "CountEvent" WHERE "letterId" = ${letterId}::uuid), 0) AS total`;
  return Number(row?.total ?? 0);
}

/**
 * A letter's per-domain counts exactly as of the statement's snapshot, as a subquery: the folded
 * rows plus the events not folded yet, with the named breakdown (named-counts.ts). Columns
 * domain, total, named, "anonymousByOrganisers" (bigint); a domain whose events cancel out is
 * still a row, for the caller to filter.
 */
export function exactDomainCountsSql(letterId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT domain, SUM(total)::bigint AS total, SUM(named)::bigint AS named, SUM("anonymousByOrganisers")::bigint AS "anonymousByOrganisers"
    FROM (
      SELECT domain, total, named, "anonymousByOrganisers" FROM "DomainCount" WHERE "letterId" = ${letterId}::uuid
      UNION ALL
      SELECT domain, delta, named, "anonymousByOrganisers" FROM "CountEvent" WHERE "letterId" = ${letterId}::uuid
    ) counts
    GROUP BY domain`;
}
