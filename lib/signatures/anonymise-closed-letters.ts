import type { Db } from "@/lib/db/prisma";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps of a letter closed more than `retentionDays` ago only what its public page shows: the
 * confirmed signatures, each with its domain and date, and a name, title, team or comment only
 * where the public page shows it. Everything that could tie a record to a person or a network
 * goes: the address's keyed hash (no longer needed: nobody can sign a closed letter), the
 * client's source key, the hidden or anonymous details, every signature that never counted
 * (pending, withdrawn, invalidated), and any email still queued about them. Counts are
 * untouched. A job, safe to repeat: a letter already reduced changes no row the second time.
 */
export async function anonymiseClosedLetters(db: Db, now: Date, retentionDays: number): Promise<{ letters: number; erased: number; reduced: number }> {
  const closedBefore = new Date(now.getTime() - retentionDays * DAY_MS);
  const letters = await db.letter.findMany({ where: { status: "CLOSED", closedAt: { lt: closedBefore } }, select: { id: true } });
  let erased = 0;
  let reduced = 0;
  for (const { id } of letters) {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`
        DELETE FROM "OutboxEmail" WHERE "sentAt" IS NULL
          AND data->>'signatureId' IN (SELECT id::text FROM "Signature" WHERE "letterId" = ${id}::uuid)`;
      erased += await tx.$executeRaw`DELETE FROM "Signature" WHERE "letterId" = ${id}::uuid AND state <> 'CONFIRMED'`;
      reduced += await tx.$executeRaw`
        UPDATE "Signature" SET
          "emailKey" = 'erased:' || id::text,
          "sourceKey" = NULL,
          "displayName" = CASE WHEN "showName" AND NOT "nameHidden" THEN "displayName" ELSE '' END,
          "jobTitle" = CASE WHEN "showName" AND NOT "nameHidden" THEN "jobTitle" END,
          "team" = CASE WHEN "showName" AND NOT "nameHidden" THEN "team" END,
          "comment" = CASE WHEN NOT "commentHidden" THEN "comment" END
        WHERE "letterId" = ${id}::uuid AND "emailKey" NOT LIKE 'erased:%'`;
    });
  }
  return { letters: letters.length, erased, reduced };
}
