import { namedSql, recordNamedShiftsSql } from "@/lib/counts/named-counts";
import type { TDb } from "@/lib/db/prisma";

/**
 * "Show my name once N people at my domain have signed" (issue 13 §1). Such a signature is
 * stored anonymous (`showName` false) with its threshold in `showNameAt`, so every view of it,
 * public or the organisers', shows it exactly as an anonymous one, with no code of its own. The
 * reveal turns it into a named one (`showName` true, `showNameAt` cleared) once the letter's
 * confirmed total at its domain, as the count fold keeps it in "DomainCount", has reached N.
 *
 * - Never early: the folded total counts only committed confirmations, however many race.
 * - Never undone: a later withdrawal that drops the total below N leaves the names shown (the
 *   sign form and receipt say so); once named, a signature is an ordinary named one.
 * - Idempotent, and kept in no memory: each run reveals every signature that is due, whatever
 *   the last run did, so a process killed between a fold and its reveal loses nothing; the next
 *   run, in any instance, reveals them. Runs right after each fold (lib/jobs/background-jobs.ts).
 * - Short: at most `batchSize` rows per statement (locked rows, such as one being withdrawn just
 *   now, are skipped and revealed next time); the caller runs again while batches come back full.
 *
 * Returns how many signatures it named.
 */
export async function revealDueNames(db: TDb, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 1_000;
  // The named counts move with the names, in the same statement (lib/counts/named-counts.ts).
  const [result] = await db.$queryRaw<{ revealed: bigint }[]>`
    WITH due AS (
      SELECT s.id, ${namedSql("s")} AS "wasNamed" FROM "Signature" s
      JOIN "DomainCount" d ON d."letterId" = s."letterId" AND d.domain = s.domain
      WHERE s."showNameAt" IS NOT NULL AND s.state = 'CONFIRMED' AND d.total >= s."showNameAt"
      LIMIT ${batchSize}
      FOR UPDATE OF s SKIP LOCKED),
    revealed AS (
      UPDATE "Signature" s SET "showName" = true, "showNameAt" = NULL
      FROM due WHERE s.id = due.id AND s.state = 'CONFIRMED'
      RETURNING s."letterId", s.domain, s.state, s."confirmedAt", s."verificationMethod", due."wasNamed", ${namedSql("s")} AS "isNamed"),
    shifted AS (${recordNamedShiftsSql("revealed")})
    SELECT COUNT(*) AS revealed FROM revealed`;
  return Number(result?.revealed ?? 0);
}

/** How many confirmed signatures wait for each threshold on a letter, for its page: "42 will show their names at 100". */
export async function countWaitingNames(db: Pick<TDb, "$queryRaw">, letterId: string): Promise<{ threshold: number; waiting: number }[]> {
  const rows = await db.$queryRaw<{ threshold: number; waiting: number }[]>`
    SELECT "showNameAt" AS threshold, COUNT(*)::int AS waiting FROM "Signature"
    WHERE "showNameAt" IS NOT NULL AND "letterId" = ${letterId}::uuid AND state = 'CONFIRMED'
    GROUP BY "showNameAt" ORDER BY "showNameAt"`;
  return rows;
}
