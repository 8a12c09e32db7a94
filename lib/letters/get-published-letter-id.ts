import type { TDb } from "@/lib/db/prisma";
import { PUBLISHED_STATUSES } from "./published-statuses";

/** The id of the published letter with this slug, or null: for lists that need nothing else of it. */
export async function getPublishedLetterId(db: TDb, slug: string): Promise<string | null> {
  const letter = await db.letter.findFirst({ where: { slug, status: { in: [...PUBLISHED_STATUSES] } }, select: { id: true } });
  return letter?.id ?? null;
}
