import { Prisma } from "@/lib/db/prisma";

/**
 * The key a team is counted under, in SQL: the count events and the per-team totals hold it,
 * never the text a signer typed. Space-normalised again here for rows stored before teams were
 * normalised on input. The only definition of the key: the fold, the reconciliation and the
 * readers that name a key's team all use it. (teamKey in team-name.ts is the same key in
 * TypeScript; an integration test holds the two to the same result.)
 */
export function teamKeySql(team: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(regexp_replace(btrim(${team}), '\\s+', ' ', 'g'))`;
}

/**
 * How a team key is named in public: the letter's own spelling where it gives a list, else the
 * key itself (lower case). Never a signer's own spelling: a total is of many people, and the
 * way one of them typed it should not stand for them all.
 */
export function teamLabelSql(key: Prisma.Sql, teams: readonly string[]): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT t FROM unnest(${[...teams]}::text[]) t WHERE ${teamKeySql(Prisma.sql`t`)} = ${key} LIMIT 1), ${key})`;
}
