import type { TDb } from "@/lib/db/prisma";
import { sourceLabel } from "./source-label";

export type TBusySource = { label: string; signatures: number; domains: string[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The sources that submitted the most signatures to a letter in the last 24 hours, with the
 * domains they signed as: one office behind one IP is normal, one source signing as many
 * people at many domains is a flood worth a look. Only sources with at least `minimum`
 * signatures are listed. The stored source key never leaves this function, only its label.
 */
export async function listBusySources(db: TDb, letterId: string, now: Date, options: { limit?: number; minimum?: number } = {}): Promise<TBusySource[]> {
  const rows = await db.$queryRaw<{ sourceKey: string; signatures: bigint; domains: string[] }[]>`
    SELECT "sourceKey", COUNT(*) AS signatures, array_agg(DISTINCT domain ORDER BY domain) AS domains
    FROM "Signature"
    WHERE "letterId" = ${letterId}::uuid AND "sourceKey" IS NOT NULL AND "createdAt" >= ${new Date(now.getTime() - DAY_MS)}
    GROUP BY "sourceKey"
    HAVING COUNT(*) >= ${options.minimum ?? 2}
    ORDER BY COUNT(*) DESC, "sourceKey"
    LIMIT ${options.limit ?? 10}`;
  return rows.map((row) => ({ label: sourceLabel(letterId, row.sourceKey), signatures: Number(row.signatures), domains: row.domains }));
}
