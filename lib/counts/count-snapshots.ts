import { Prisma, type TDb } from "@/lib/db/prisma";
import { isPublicSql } from "@/lib/letters/lifecycle";
import { foldSmallGroups } from "@/lib/privacy/small-groups";

/** What the count endpoint, the live total and the badge show of one letter. */
export type TCountSnapshot = {
  total: number;
  /**
   * Verified signatures per domain, largest first (JSON keeps this order), only domains of at
   * least MIN_PUBLIC_GROUP; the rest together in `otherDomains` (lib/privacy/small-groups.ts).
   */
  byDomain: Record<string, number>;
  otherDomains: number;
  /** When the aggregator last changed this letter's counts; null before it ever did. */
  updatedAt: string | null;
};

export type TChangedCounts = {
  /** The database's clock when it answered, opaque: pass it back as the next `since`. */
  asOf: string;
  changes: { slug: string; snapshot: TCountSnapshot }[];
};

/**
 * How far back each poll looks before its `since`. A fold stamps its rows when it writes them,
 * after taking its lock, and commits a few milliseconds later: a poll in between cannot see
 * those rows yet, though their stamp is earlier than the poll's clock. The overlap covers that
 * gap many times over; callers compare snapshots, so seeing a change twice is harmless.
 */
const OVERLAP = Prisma.sql`interval '5 seconds'`;

// "updatedAt" is a UTC timestamp without time zone (as Prisma writes it); it is compared with the
// database's own clock in UTC, never with this process's clock, and formatted as ISO 8601 there.
const select = (where: Prisma.Sql) => Prisma.sql`
  SELECT l.slug,
         COALESCE(c.total, 0) AS total,
         -- Whether the letter names every domain that may sign (see foldSmallGroups).
         (NOT l."openToAnyDomain" AND NOT EXISTS (SELECT 1 FROM "DomainRule" r WHERE r."letterId" = l.id AND r."includeSubdomains")) AS "closedList",
         to_char(c."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
         COALESCE((SELECT json_object_agg(d.domain, d.total ORDER BY d.total DESC, d.domain)
                     FROM "DomainCount" d WHERE d."letterId" = l.id AND d.total > 0), '{}'::json) AS "byDomain"
  FROM "Letter" l LEFT JOIN "LetterCount" c ON c."letterId" = l.id
  WHERE ${isPublicSql("l")} AND ${where}`;

type Row = { slug: string; total: number; closedList: boolean; updatedAt: string | null; byDomain: Record<string, number> };

function toSnapshot(row: Row, minPublicGroup: number): TCountSnapshot {
  const { shown, other } = foldSmallGroups(
    Object.entries(row.byDomain).map(([key, total]) => ({ key, total: Number(total) })),
    minPublicGroup,
    { closedList: row.closedList },
  );
  return { total: Number(row.total), byDomain: Object.fromEntries(shown.map(({ key, total }) => [key, total])), otherDomains: other, updatedAt: row.updatedAt };
}

/** One published letter's folded counts, or null when no published letter has this slug. */
export async function loadCountSnapshot(db: TDb, slug: string, minPublicGroup: number): Promise<TCountSnapshot | null> {
  const [row] = await db.$queryRaw<Row[]>(select(Prisma.sql`l.slug = ${slug}`));
  return row ? toSnapshot(row, minPublicGroup) : null;
}

/**
 * Every published letter whose counts changed since `since` (an `asOf` from an earlier call;
 * null for "just tell me the clock"), in one statement: the one query a process's live-count
 * poll makes per interval, however many viewers it serves.
 */
export async function loadChangedCountSnapshots(db: TDb, since: string | null, minPublicGroup: number): Promise<TChangedCounts> {
  const changed = since === null ? Prisma.sql`false` : Prisma.sql`c."updatedAt" > ${since}::timestamp - ${OVERLAP}`;
  const [result] = await db.$queryRaw<{ asOf: string; rows: Row[] }[]>`
    SELECT (clock_timestamp() AT TIME ZONE 'UTC')::text AS "asOf",
           COALESCE((SELECT json_agg(x) FROM (${select(changed)}) x), '[]'::json) AS rows`;
  if (!result) throw new Error("The change query returned no row");
  return { asOf: result.asOf, changes: result.rows.map((row) => ({ slug: row.slug, snapshot: toSnapshot(row, minPublicGroup) })) };
}
