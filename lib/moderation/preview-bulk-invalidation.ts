import type { TDb } from "@/lib/db/prisma";
import { bulkTargetSql, type TSignatureFilter } from "./signature-filter";

export type TBulkPreview = { pending: number; confirmed: number; total: number };

/** How many signatures, by state, a bulk invalidation with this filter would end right now. */
export async function previewBulkInvalidation(db: TDb, letterId: string, filter: TSignatureFilter): Promise<TBulkPreview> {
  const [row] = await db.$queryRaw<{ pending: bigint; confirmed: bigint }[]>`
    SELECT COUNT(*) FILTER (WHERE s.state = 'PENDING') AS pending,
           COUNT(*) FILTER (WHERE s.state = 'CONFIRMED') AS confirmed
    FROM "Signature" s WHERE ${bulkTargetSql(letterId, filter)}`;
  const pending = Number(row?.pending ?? 0);
  const confirmed = Number(row?.confirmed ?? 0);
  return { pending, confirmed, total: pending + confirmed };
}
