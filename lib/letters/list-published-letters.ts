import { Prisma, type TDb } from "@/lib/db/prisma";
import { LETTER_SUMMARY_SELECT, toLetterSummary, type TLetterSummary } from "./letter-summary";
import { listedLettersSql } from "./listed-letters";
import type { PUBLISHED_STATUSES } from "./published-statuses";

export type { TLetterSummary };

type Options = {
  status: (typeof PUBLISHED_STATUSES)[number];
  /** Words that must all appear in the title, in any case. */
  search?: string;
  limit?: number;
};

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Published, listed letters as the home page lists them (and its title search finds them). Open letters: the most recently signed first
 * (a letter gathering signatures now is what visitors came for; letters never signed last),
 * then the newest. Closed letters: the most recently closed first.
 */
export async function listPublishedLetters(db: TDb, options: Options): Promise<TLetterSummary[]> {
  // A NUL separates words too: PostgreSQL text cannot hold one, and a query with it would fail.
  const words = (options.search ?? "")
    .split(/[\s\u0000]+/)
    .filter(Boolean)
    .slice(0, 8);
  const titleMatches = words.map((word) => Prisma.sql`AND l.title ILIKE ${`%${escapeLike(word)}%`}`);
  // Prisma cannot order by a related row's column with NULLS LAST, so the order is chosen here.
  const order =
    options.status === "CLOSED"
      ? Prisma.sql`l."closedAt" DESC NULLS LAST, l."publishedAt" DESC NULLS LAST, l.id DESC`
      : Prisma.sql`CASE WHEN c.total > 0 THEN c."updatedAt" END DESC NULLS LAST, l."publishedAt" DESC NULLS LAST, l.id DESC`;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "Letter" l LEFT JOIN "LetterCount" c ON c."letterId" = l.id
    WHERE ${listedLettersSql("l", options.status)} ${titleMatches.length > 0 ? Prisma.join(titleMatches, " ", "", "") : Prisma.empty}
    ORDER BY ${order} LIMIT ${options.limit ?? 100}`;
  const letters = await db.letter.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: LETTER_SUMMARY_SELECT });
  const position = new Map(ids.map((row, index) => [row.id, index]));
  return letters.sort((a, b) => position.get(a.id)! - position.get(b.id)!).map(toLetterSummary);
}
