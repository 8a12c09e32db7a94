import { z } from "zod";
import type { TDb, Prisma } from "@/lib/db/prisma";

export type TActivityEntry = {
  id: string;
  /** The organiser's own address, or null when the platform itself acted. */
  actorEmail: string | null;
  action: string;
  detail: Prisma.JsonValue;
  at: Date;
};

export const ZActivityCursor = z
  .string()
  .regex(/^\d{1,19}$/)
  .optional()
  .catch(undefined);

/** A letter's activity log, newest first, a page at a time (`before`: the last id of the previous page). */
export async function listActivity(
  db: TDb,
  letterId: string,
  options: { before?: string; limit?: number } = {},
): Promise<{ entries: TActivityEntry[]; nextCursor: string | null }> {
  const limit = options.limit ?? 50;
  const rows = await db.letterActivity.findMany({
    where: { letterId, ...(options.before ? { id: { lt: BigInt(options.before) } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { email: true } } },
  });
  const entries = rows.slice(0, limit).map((row) => ({
    id: row.id.toString(),
    actorEmail: row.actor?.email ?? null,
    action: row.action,
    detail: row.detail,
    at: row.createdAt,
  }));
  return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}
