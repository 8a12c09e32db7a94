import type { Prisma, TDb } from "@/lib/db/prisma";

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
