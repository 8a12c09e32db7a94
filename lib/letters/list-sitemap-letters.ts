import type { TDb } from "@/lib/db/prisma";
import { listedLetters } from "./listed-letters";

/** The sitemap protocol's limit for one file: past it a site splits its sitemap. */
export const SITEMAP_LIMIT = 50_000;

/**
 * Listed letters for the sitemap (open and closed; never a draft, a letter awaiting review or
 * an unlisted letter), newest first, at most one sitemap file's worth: a bounded read of two columns.
 */
export async function listSitemapLetters(db: TDb, limit = SITEMAP_LIMIT): Promise<{ slug: string; updatedAt: Date }[]> {
  return db.letter.findMany({
    where: listedLetters(),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { slug: true, updatedAt: true },
  });
}
