import type { TDb } from "@/lib/db/prisma";
import { afterCursor, toPage, type TCursor } from "@/lib/pagination/cursor";
import { LETTER_SUMMARY_SELECT, toLetterSummary, type TLetterSummary } from "./letter-summary";
import { listedLetters } from "./listed-letters";
import type { PUBLISHED_STATUSES } from "./published-statuses";

/**
 * Listed letters for the public API (unlisted ones answer by their slug only), newest first, a page at a time. The order is by
 * creation, which never changes, so a client paging through sees each letter exactly once.
 */
export async function pagePublishedLetters(
  db: TDb,
  options: { limit: number; cursor: TCursor | null; status?: (typeof PUBLISHED_STATUSES)[number] },
): Promise<{ items: TLetterSummary[]; nextCursor: string | null }> {
  const rows = await db.letter.findMany({
    where: { ...listedLetters(options.status), ...afterCursor("createdAt", options.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: LETTER_SUMMARY_SELECT,
  });
  return toPage(rows.map(toLetterSummary), options.limit, (letter) => ({ at: letter.createdAt, id: letter.id }));
}
