import { Prisma, type TDb } from "@/lib/db/prisma";
import { teamKeySql } from "@/lib/teams/team-key-sql";

/**
 * Recounts every letter's counts exactly from the signatures themselves and discards the events
 * they already reflect, correcting any drift (a bug, a hand edit, a restore). One letter per
 * transaction (reconcileLetterCounts), so the fold lock is held for one letter's recount, not
 * for every letter's at once: about a second at a million signatures (bench/scale.ts). The lock
 * blocks only the count folds; readers, and signers appending count events, never wait on it.
 *
 * Returns how many count rows it had to correct.
 */
export async function reconcileCounts(db: TDb): Promise<number> {
  const letters = await db.letter.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  let corrected = 0;
  for (const { id } of letters) corrected += await reconcileLetterCounts(db, id);
  return corrected;
}

/**
 * One letter's recount, in one REPEATABLE READ snapshot: a confirmation that commits meanwhile
 * is neither in the recount nor among the discarded events, so its event is folded later and
 * counted exactly once. The lock comes first because LOCK TABLE takes no snapshot: by the time
 * the snapshot is taken, no fold is running and none can commit until this transaction ends.
 */
export async function reconcileLetterCounts(db: TDb, letterId: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "CountEvent" WHERE "letterId" = ${letterId}::uuid`;
      const reduced = Prisma.sql`EXISTS (SELECT 1 FROM "Letter" WHERE id = ${letterId}::uuid AND "signersReducedAt" IS NOT NULL)`;
      const [drift] = await tx.$queryRaw<{ corrected: bigint }[]>`
        WITH confirmed AS (
          SELECT "letterId", "domain", date_trunc('day', "confirmedAt" AT TIME ZONE 'UTC')::date AS "day", ${teamKeySql(Prisma.sql`team`)} AS team
          FROM "Signature" WHERE "letterId" = ${letterId}::uuid AND "state" = 'CONFIRMED'
        ),
        exact_totals AS (
          SELECT l.id AS "letterId", COUNT(c."letterId")::int AS total
          FROM "Letter" l LEFT JOIN confirmed c ON c."letterId" = l.id WHERE l.id = ${letterId}::uuid GROUP BY l.id
        ),
        fixed_totals AS (
          INSERT INTO "LetterCount" ("letterId", "total", "updatedAt")
          SELECT "letterId", total, clock_timestamp() AT TIME ZONE 'UTC' FROM exact_totals
          ON CONFLICT ("letterId") DO UPDATE SET "total" = EXCLUDED."total", "updatedAt" = EXCLUDED."updatedAt"
          WHERE "LetterCount"."total" IS DISTINCT FROM EXCLUDED."total"
          RETURNING 1
        ),
        exact_domains AS (SELECT "letterId", "domain", COUNT(*)::int AS total FROM confirmed GROUP BY 1, 2),
        stale_domains AS (
          DELETE FROM "DomainCount" d
          WHERE d."letterId" = ${letterId}::uuid AND NOT EXISTS (SELECT 1 FROM exact_domains e WHERE e."letterId" = d."letterId" AND e."domain" = d."domain")
          RETURNING 1
        ),
        fixed_domains AS (
          INSERT INTO "DomainCount" ("letterId", "domain", "total") SELECT * FROM exact_domains
          ON CONFLICT ("letterId", "domain") DO UPDATE SET "total" = EXCLUDED."total"
          WHERE "DomainCount"."total" IS DISTINCT FROM EXCLUDED."total"
          RETURNING 1
        ),
        exact_days AS (SELECT "letterId", "day", COUNT(*)::int AS total FROM confirmed GROUP BY 1, 2),
        stale_days AS (
          DELETE FROM "DailyCount" d
          WHERE d."letterId" = ${letterId}::uuid AND NOT EXISTS (SELECT 1 FROM exact_days e WHERE e."letterId" = d."letterId" AND e."day" = d."day")
          RETURNING 1
        ),
        fixed_days AS (
          INSERT INTO "DailyCount" ("letterId", "day", "total") SELECT * FROM exact_days
          ON CONFLICT ("letterId", "day") DO UPDATE SET "total" = EXCLUDED."total"
          WHERE "DailyCount"."total" IS DISTINCT FROM EXCLUDED."total"
          RETURNING 1
        ),
        -- Retention erases the team of every anonymous signer of a letter it has reduced
        -- (anonymise-closed-letters.ts): the signatures no longer say their teams' totals, which
        -- are then kept as they stand.
        exact_teams AS (
          SELECT "letterId", team, COUNT(*)::int AS total FROM confirmed
          WHERE team IS NOT NULL AND team <> '' AND NOT ${reduced} GROUP BY 1, 2
        ),
        stale_teams AS (
          DELETE FROM "TeamCount" t
          WHERE t."letterId" = ${letterId}::uuid AND NOT ${reduced}
            AND NOT EXISTS (SELECT 1 FROM exact_teams e WHERE e."letterId" = t."letterId" AND e.team = t.team)
          RETURNING 1
        ),
        fixed_teams AS (
          INSERT INTO "TeamCount" ("letterId", "team", "total") SELECT * FROM exact_teams
          ON CONFLICT ("letterId", "team") DO UPDATE SET "total" = EXCLUDED."total"
          WHERE "TeamCount"."total" IS DISTINCT FROM EXCLUDED."total"
          RETURNING 1
        )
        SELECT (SELECT COUNT(*) FROM fixed_totals) + (SELECT COUNT(*) FROM stale_domains) + (SELECT COUNT(*) FROM fixed_domains)
             + (SELECT COUNT(*) FROM stale_days) + (SELECT COUNT(*) FROM fixed_days)
             + (SELECT COUNT(*) FROM stale_teams) + (SELECT COUNT(*) FROM fixed_teams) AS corrected`;
      return Number(drift?.corrected ?? 0);
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
}
