import { Prisma, type TDb } from "@/lib/db/prisma";
import { teamKeySql } from "@/lib/teams/team-key-sql";
import { sharesSql } from "./named-counts";

type TDbClient = Pick<TDb, "$queryRaw">;

/**
 * Recounts every letter's counts exactly from the signatures themselves and corrects any drift
 * (a bug, a hand edit, a restore), one letter at a time (reconcileLetterCounts).
 *
 * Returns how many count rows it had to correct.
 */
export async function reconcileCounts(db: TDb): Promise<number> {
  const letters = await db.letter.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  let corrected = 0;
  for (const { id } of letters) corrected += await reconcileLetterCounts(db, id);
  return corrected;
}

type TDrift = { kind: "total" | "domain" | "named" | "anonymousByOrganisers" | "day" | "team"; key: string; drift: number };

/**
 * One letter's recount, in two steps, so that the count folds (and so the live totals of every
 * letter) never wait on a recount, which takes seconds at a million signatures (bench/scale.ts):
 *
 * 1. Without the folds' lock, ONE statement, so one snapshot, reads what the confirmed signatures say
 *    (the recount), what the count rows say and what the events not yet folded will add. Their
 *    difference is the drift, exactly as of that snapshot: a fold commits wholly before it or
 *    wholly after it, and a confirmation committed after it is in neither the recount nor the
 *    events it read, so its own event, folded later, counts it once.
 * 2. Only where there is a drift: under the folds' lock, for the few rows concerned, each count
 *    row gets its drift ADDED, as a fold adds its events. Addition commutes with the folds that
 *    ran between the two steps, so nothing they did is overwritten. A row corrected to zero is
 *    deleted, as a recount that found nothing there would leave it.
 */
export async function reconcileLetterCounts(db: TDb, letterId: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // Reconciliations of one letter take turns (two would both add the same drift); folds do not wait on this.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('undersigned:reconcile-counts'), hashtext(${letterId}))`;
      // READ COMMITTED: this statement's snapshot is taken now, after the turn of any reconciliation before.
      const drifts = await readDrifts(tx, letterId);
      if (drifts.length === 0) return 0;
      const of = (kind: TDrift["kind"]) => drifts.filter((drift) => drift.kind === kind);
      const [total] = of("total");
      const keys = (kind: TDrift["kind"]) => of(kind).map((drift) => drift.key);
      const amounts = (kind: TDrift["kind"]) => of(kind).map((drift) => drift.drift);
      // A domain's row holds three counts (named-counts.ts): its drifts go in as one row each,
      // since one statement may not change a row twice.
      const domainKeys = [...new Set([...keys("domain"), ...keys("named"), ...keys("anonymousByOrganisers")])];
      const domainDrift = (kind: TDrift["kind"]) => domainKeys.map((key) => of(kind).find((drift) => drift.key === key)?.drift ?? 0);
      // The mutex of every writer of the count rows (fold-count-events.ts): held for these few rows only.
      await tx.$executeRaw`LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`
        WITH total AS (
          INSERT INTO "LetterCount" ("letterId", "total", "updatedAt")
          SELECT ${letterId}::uuid, ${total?.drift ?? 0}::int, clock_timestamp() AT TIME ZONE 'UTC' WHERE ${total !== undefined}
          ON CONFLICT ("letterId") DO UPDATE SET "total" = "LetterCount"."total" + EXCLUDED."total", "updatedAt" = EXCLUDED."updatedAt"
        ),
        domains AS (
          INSERT INTO "DomainCount" ("letterId", "domain", "total", "named", "anonymousByOrganisers")
          SELECT ${letterId}::uuid, * FROM unnest(${domainKeys}::text[], ${domainDrift("domain")}::int[], ${domainDrift("named")}::int[],
            ${domainDrift("anonymousByOrganisers")}::int[])
          ON CONFLICT ("letterId", "domain") DO UPDATE SET "total" = "DomainCount"."total" + EXCLUDED."total",
            "named" = "DomainCount"."named" + EXCLUDED."named",
            "anonymousByOrganisers" = "DomainCount"."anonymousByOrganisers" + EXCLUDED."anonymousByOrganisers"
        ),
        days AS (
          INSERT INTO "DailyCount" ("letterId", "day", "total")
          SELECT ${letterId}::uuid, * FROM unnest(${keys("day")}::date[], ${amounts("day")}::int[])
          ON CONFLICT ("letterId", "day") DO UPDATE SET "total" = "DailyCount"."total" + EXCLUDED."total"
        )
        INSERT INTO "TeamCount" ("letterId", "team", "total")
        SELECT ${letterId}::uuid, * FROM unnest(${keys("team")}::text[], ${amounts("team")}::int[])
        ON CONFLICT ("letterId", "team") DO UPDATE SET "total" = "TeamCount"."total" + EXCLUDED."total"`;
      // A statement of its own: it must see the rows just written (a CTE's writes are invisible to its siblings).
      await tx.$executeRaw`
        WITH domains AS (
          DELETE FROM "DomainCount"
          WHERE "letterId" = ${letterId}::uuid AND "domain" = ANY(${domainKeys}::text[]) AND "total" = 0 AND "named" = 0 AND "anonymousByOrganisers" = 0),
        days AS (DELETE FROM "DailyCount" WHERE "letterId" = ${letterId}::uuid AND "day" = ANY(${keys("day")}::date[]) AND "total" = 0)
        DELETE FROM "TeamCount" WHERE "letterId" = ${letterId}::uuid AND "team" = ANY(${keys("team")}::text[]) AND "total" = 0`;
      return drifts.length;
    },
    // The recount reads every confirmed signature of the letter: seconds at a million, holding no lock but the turn above.
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Step 1 of reconcileLetterCounts: every count row whose recount differs from what it and its unfolded events say. */
async function readDrifts(db: TDbClient, letterId: string): Promise<TDrift[]> {
  // Retention erases the team of every anonymous signer of a letter it has reduced
  // (anonymise-closed-letters.ts): the signatures no longer say their teams' totals, which are
  // then kept as they stand.
  const reduced = Prisma.sql`EXISTS (SELECT 1 FROM "Letter" WHERE id = ${letterId}::uuid AND "signersReducedAt" IS NOT NULL)`;
  const rows = await db.$queryRaw<{ kind: TDrift["kind"]; key: string; drift: number }[]>`
    WITH confirmed ("domain", "day", team, "named", "anonymousByOrganisers") AS (
      SELECT "domain", date_trunc('day', "confirmedAt" AT TIME ZONE 'UTC')::date AS "day", ${teamKeySql(Prisma.sql`team`)} AS team,
        ${sharesSql("Signature", Prisma.sql`1`)}
      FROM "Signature" WHERE "letterId" = ${letterId}::uuid AND "state" = 'CONFIRMED'
    ),
    events AS (SELECT "domain", "day", "team", "delta", "named", "anonymousByOrganisers" FROM "CountEvent" WHERE "letterId" = ${letterId}::uuid),
    said AS (
      SELECT 'total' AS kind, '' AS key, COUNT(*)::int AS n FROM confirmed
      UNION ALL SELECT 'total', '', -"total" FROM "LetterCount" WHERE "letterId" = ${letterId}::uuid
      UNION ALL SELECT 'total', '', -SUM("delta")::int FROM events
      UNION ALL SELECT 'domain', "domain", COUNT(*)::int FROM confirmed GROUP BY "domain"
      UNION ALL SELECT 'domain', "domain", -"total" FROM "DomainCount" WHERE "letterId" = ${letterId}::uuid
      UNION ALL SELECT 'domain', "domain", -SUM("delta")::int FROM events GROUP BY "domain"
      UNION ALL SELECT 'named', "domain", SUM("named")::int FROM confirmed GROUP BY "domain"
      UNION ALL SELECT 'named', "domain", -"named" FROM "DomainCount" WHERE "letterId" = ${letterId}::uuid
      UNION ALL SELECT 'named', "domain", -SUM("named")::int FROM events GROUP BY "domain"
      UNION ALL SELECT 'anonymousByOrganisers', "domain", SUM("anonymousByOrganisers")::int FROM confirmed GROUP BY "domain"
      UNION ALL SELECT 'anonymousByOrganisers', "domain", -"anonymousByOrganisers" FROM "DomainCount" WHERE "letterId" = ${letterId}::uuid
      UNION ALL SELECT 'anonymousByOrganisers', "domain", -SUM("anonymousByOrganisers")::int FROM events GROUP BY "domain"
      UNION ALL SELECT 'day', "day"::text, COUNT(*)::int FROM confirmed GROUP BY "day"
      UNION ALL SELECT 'day', "day"::text, -"total" FROM "DailyCount" WHERE "letterId" = ${letterId}::uuid
      UNION ALL SELECT 'day', "day"::text, -SUM("delta")::int FROM events GROUP BY "day"
      -- As the fold counts them: an event's team key as it stands, a signature's only when it has one.
      UNION ALL SELECT 'team', team, COUNT(*)::int FROM confirmed WHERE team IS NOT NULL AND team <> '' AND NOT ${reduced} GROUP BY team
      UNION ALL SELECT 'team', "team", -"total" FROM "TeamCount" WHERE "letterId" = ${letterId}::uuid AND NOT ${reduced}
      UNION ALL SELECT 'team', "team", -SUM("delta")::int FROM events WHERE "team" IS NOT NULL AND NOT ${reduced} GROUP BY "team"
    )
    SELECT kind, key, SUM(n)::int AS drift FROM said GROUP BY kind, key HAVING SUM(n) <> 0`;
  return rows.map((row) => ({ ...row, drift: Number(row.drift) }));
}
