import type { TDb } from "@/lib/db/prisma";
import { isPublicSql } from "@/lib/letters/lifecycle";
import { recordWentPublic } from "@/lib/letters/quiet-launch/go-public";

/**
 * Folds appended count events into the total, per-domain (with its named breakdown), per-team and per-day count rows, a batch at a
 * time, in one transaction: the events are deleted exactly when their sums are added, so a crash
 * midway changes nothing and the next run starts over. Folds on several instances take turns
 * (see the lock below), so no event is folded twice.
 *
 * An unlisted letter whose new total reaches its `listAtSignatures` goes public in the same
 * statement (quiet launch): the fold already knows every changed total, so confirmations, the
 * hot path, pay nothing for it. The UPDATE's own condition (`NOT listed`) makes it happen once,
 * whatever folds, confirmations or organisers race it; the timeline entry, activity entry and
 * organisers' emails are written in this transaction, so a crash loses or repeats none of them.
 *
 * Returns how many events were folded.
 */
export async function foldCountEvents(db: TDb, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 10_000;
  return db.$transaction(
    async (tx) => {
      // The mutex of every writer of the count rows (folds and the reconciliation). A table lock
      // rather than an advisory one because it can be taken before the transaction's first query,
      // which the reconciliation needs (see reconcile-counts.ts). Readers are not blocked.
      await tx.$executeRaw`LOCK TABLE "LetterCount" IN EXCLUSIVE MODE`;
      // "updatedAt" is stamped with clock_timestamp(), taken after the lock, not now() (when the
      // transaction began, possibly long before it got the lock): stamps then follow the order in
      // which folds commit, which the live counts' change feed relies on (see count-snapshots.ts).
      const [result] = await tx.$queryRaw<{ folded: bigint; wentPublic: { id: string; listAtSignatures: number; total: number; updatedAt: string }[] }[]>`
      WITH folded AS (
        DELETE FROM "CountEvent"
        WHERE id IN (SELECT id FROM "CountEvent" ORDER BY id LIMIT ${batchSize})
        RETURNING "letterId", "domain", "day", "team", "delta", "named", "anonymousByOrganisers"
      ),
      -- A name shown or hidden (delta 0, named-counts.ts) moves only the per-domain breakdown: the
      -- totals, teams and days, and so the live counts' change feed, see nothing of it.
      counted AS (SELECT * FROM folded WHERE "delta" <> 0),
      totals AS (
        INSERT INTO "LetterCount" ("letterId", "total", "updatedAt")
        SELECT "letterId", SUM("delta"), clock_timestamp() AT TIME ZONE 'UTC' FROM counted GROUP BY "letterId"
        ON CONFLICT ("letterId") DO UPDATE
          SET "total" = "LetterCount"."total" + EXCLUDED."total", "updatedAt" = EXCLUDED."updatedAt"
        RETURNING "letterId", "total", "updatedAt"
      ),
      went_public AS (
        UPDATE "Letter" l
        SET listed = true, "listedAt" = t."updatedAt", "updatedAt" = t."updatedAt", version = l.version + 1
        FROM totals t
        WHERE l.id = t."letterId" AND NOT l.listed AND l."listAtSignatures" <= t."total" AND ${isPublicSql("l")}
        RETURNING l.id, l."listAtSignatures", t."total", t."updatedAt"
      ),
      domains AS (
        INSERT INTO "DomainCount" ("letterId", "domain", "total", "named", "anonymousByOrganisers")
        SELECT "letterId", "domain", SUM("delta"), SUM("named"), SUM("anonymousByOrganisers") FROM folded GROUP BY "letterId", "domain"
        ON CONFLICT ("letterId", "domain") DO UPDATE SET "total" = "DomainCount"."total" + EXCLUDED."total",
          "named" = "DomainCount"."named" + EXCLUDED."named",
          "anonymousByOrganisers" = "DomainCount"."anonymousByOrganisers" + EXCLUDED."anonymousByOrganisers"
      ),
      -- Events carry the team key (lib/teams/team-key-sql.ts); a signature without a team is in no team's total.
      teams AS (
        INSERT INTO "TeamCount" ("letterId", "team", "total")
        SELECT "letterId", "team", SUM("delta") FROM counted WHERE "team" IS NOT NULL GROUP BY "letterId", "team"
        ON CONFLICT ("letterId", "team") DO UPDATE SET "total" = "TeamCount"."total" + EXCLUDED."total"
      ),
      days AS (
        INSERT INTO "DailyCount" ("letterId", "day", "total")
        SELECT "letterId", "day", SUM("delta") FROM counted GROUP BY "letterId", "day"
        ON CONFLICT ("letterId", "day") DO UPDATE SET "total" = "DailyCount"."total" + EXCLUDED."total"
      )
      SELECT (SELECT COUNT(*) FROM folded) AS folded,
        (SELECT COALESCE(json_agg(went_public), '[]'::json) FROM went_public) AS "wentPublic"`;
      for (const letter of result?.wentPublic ?? []) {
        await recordWentPublic(tx, {
          letterId: letter.id,
          actorId: null,
          // Stamped from the clock read after the lock, as "LetterCount"."updatedAt" is (UTC, no zone).
          at: new Date(`${letter.updatedAt}Z`),
          threshold: { listAtSignatures: letter.listAtSignatures, total: Number(letter.total) },
        });
      }
      return Number(result?.folded ?? 0);
      // Under a signing spike every pooled connection is busy for a while: the fold waits its turn
      // rather than fail (Prisma's default gives up after 2 s, which `npm run bench`'s signing spike exceeded).
    },
    { maxWait: 10_000 },
  );
}
