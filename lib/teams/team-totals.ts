import { Prisma, type TDb } from "@/lib/db/prisma";
import { teamLabelSql } from "./team-key-sql";

/** A team's verified total, under its key (what the count rows hold) and its public name. */
export type TTeamTotal = { key: string; team: string; total: number };

// A letter without a list of teams takes free text, and could have thousands of spellings: the
// page reads the largest this many and adds the rest to "other teams" (a list is at most 100).
const READ_AT_MOST = 200;

/**
 * A letter's folded per-team totals, largest first, with `rest`: the signatures of the teams
 * past the first READ_AT_MOST. One statement over the letter's TeamCount rows (its primary key).
 */
export async function readTeamTotals(
  db: TDb | Prisma.TransactionClient,
  letter: { id: string; teams: readonly string[] },
): Promise<{ byTeam: TTeamTotal[]; rest: number }> {
  const rows = await db.$queryRaw<{ key: string; team: string; total: number; all: bigint }[]>`
    SELECT c.team AS key, ${teamLabelSql(Prisma.sql`c.team`, letter.teams)} AS team, c.total, SUM(c.total) OVER () AS all
    FROM "TeamCount" c WHERE c."letterId" = ${letter.id}::uuid AND c.total > 0
    ORDER BY c.total DESC, c.team LIMIT ${READ_AT_MOST}`;
  const all = Number(rows[0]?.all ?? 0);
  const byTeam = rows.map(({ key, team, total }) => ({ key, team, total }));
  return { byTeam, rest: all - byTeam.reduce((sum, row) => sum + row.total, 0) };
}
