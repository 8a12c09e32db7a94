import type { Db } from "@/lib/db/prisma";
import { PUBLISHED_STATUSES } from "./published-statuses";

export type TLetterSummary = {
  slug: string;
  title: string;
  addressee: string;
  status: (typeof PUBLISHED_STATUSES)[number];
  goal: number | null;
  total: number;
  publishedAt: Date | null;
};

/** Published letters, open ones first (enum order), newest first within each group. */
export async function listPublishedLetters(db: Db, options: { limit?: number } = {}): Promise<TLetterSummary[]> {
  const letters = await db.letter.findMany({
    where: { status: { in: [...PUBLISHED_STATUSES] } },
    orderBy: [{ status: "asc" }, { publishedAt: "desc" }, { createdAt: "desc" }],
    take: options.limit ?? 100,
    select: {
      slug: true,
      title: true,
      addressee: true,
      status: true,
      goal: true,
      publishedAt: true,
      count: { select: { total: true } },
    },
  });
  return letters.map(({ count, status, ...letter }) => ({
    ...letter,
    status: status === "OPEN" ? "OPEN" : "CLOSED",
    total: count?.total ?? 0,
  }));
}
