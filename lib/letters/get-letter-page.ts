import { Prisma, type TDb } from "@/lib/db/prisma";
import { teamLabelSql } from "@/lib/teams/team-key-sql";
import { pagePublicSignatures } from "@/lib/signatures/page-public-signatures";
import { publicBreakdowns, readPublishedLetter, type TStoredLetter } from "./get-published-letter";

/**
 * Everything the letter page shows, read in one snapshot, so that the page never contradicts
 * itself: a total of 3 beside "No confirmed signatures yet", or a chart that misses the
 * signatures listed under it.
 *
 * The count rows lag the signatures by up to a fold (half a second): a confirmation writes its
 * signature and a count event together, and the aggregator folds events into the count rows
 * later. In one REPEATABLE READ snapshot, count rows plus the events not folded yet are exactly
 * the confirmed signatures of that snapshot. The unfolded events are at most a fold's worth.
 */
export async function getLetterPage(db: TDb, slug: string, options: { recentSigners: number; minPublicGroup: number }) {
  return db.$transaction(
    async (tx) => {
      const letter = await readPublishedLetter(tx, slug);
      if (!letter) return null;
      const pending = await unfoldedCountEvents(tx, letter);
      // The letter just read carries its listing policy: no second read of it.
      const signers = await pagePublicSignatures(tx, letter, { limit: options.recentSigners, cursor: null, minPublicGroup: options.minPublicGroup });
      // The small-group rule applies to the exact counts, not to the folded ones alone.
      return { ...publicBreakdowns(withUnfolded(letter, pending), options.minPublicGroup), signers };
    },
    // A page render waits its turn for a connection under a signing spike rather than fail.
    { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: 10_000 },
  );
}

export type TLetterPage = NonNullable<Awaited<ReturnType<typeof getLetterPage>>>;

/** Unfolded events summed by domain, day and team (`key` the team's, `team` its public name; null: none). */
type TPendingCount = { domain: string; day: string; key: string | null; team: string | null; delta: number };

async function unfoldedCountEvents(tx: Prisma.TransactionClient, letter: { id: string; teams: readonly string[] }): Promise<TPendingCount[]> {
  return tx.$queryRaw<TPendingCount[]>`
    SELECT "domain", to_char("day", 'YYYY-MM-DD') AS "day", "team" AS key, ${teamLabelSql(Prisma.sql`"team"`, letter.teams)} AS team,
           SUM("delta")::int AS "delta"
    -- A name shown or hidden (delta 0, lib/counts/named-counts.ts) changes none of the page's counts.
    FROM "CountEvent" WHERE "letterId" = ${letter.id}::uuid AND "delta" <> 0 GROUP BY "domain", "day", "team"`;
}

/** The folded counts plus the events not folded yet: the exact counts of the snapshot. */
export function withUnfolded(letter: TStoredLetter, pending: TPendingCount[]): TStoredLetter {
  if (pending.length === 0) return letter;
  const byDomain = new Map(letter.byDomain.map(({ domain, total }) => [domain, total]));
  const daily = new Map(letter.daily.map(({ day, total }) => [day, total]));
  const byTeam = new Map(letter.byTeam.map((row) => [row.key, { ...row }]));
  let total = letter.total;
  for (const { domain, day, key, team, delta } of pending) {
    total += delta;
    byDomain.set(domain, (byDomain.get(domain) ?? 0) + delta);
    daily.set(day, (daily.get(day) ?? 0) + delta);
    if (key !== null && team !== null && letter.collectTeam) {
      const row = byTeam.get(key) ?? { key, team, total: 0 };
      byTeam.set(key, { ...row, total: row.total + delta });
    }
  }
  return {
    ...letter,
    total: Math.max(0, total),
    byDomain: [...byDomain]
      .filter(([, count]) => count > 0)
      .map(([domain, count]) => ({ domain, total: count }))
      .sort((a, b) => b.total - a.total || a.domain.localeCompare(b.domain)),
    byTeam: [...byTeam.values()].filter((row) => row.total > 0).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
    daily: [...daily].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, total: Math.max(0, count) })),
  };
}
