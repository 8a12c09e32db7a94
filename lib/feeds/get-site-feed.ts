import type { TDb } from "@/lib/db/prisma";
import { letterUrls } from "@/lib/letters/letter-urls";
import { listedLetters } from "@/lib/letters/listed-letters";
import { entryIdOfRow } from "./feed-ids";
import { latestUpdate, type TAtomFeed } from "./render-atom-feed";

export const SITE_FEED_ENTRIES = 50;

// A feed without entries still needs an `updated`; a fixed instant keeps the document (and so
// its ETag) the same until a letter is published.
const NOTHING_YET = new Date(0);

const FEED_SELECT = {
  id: true,
  slug: true,
  title: true,
  addressee: true,
  publishedAt: true,
  listedAt: true,
  demands: { orderBy: { position: "asc" }, select: { text: true } },
} as const;

/**
 * Newly published letters, newest first (open or since closed: each was news when it appeared).
 * An unlisted letter joins the feed when it goes public, dated then: that is when it is news,
 * and it takes its place among the newest then, however many letters were published since it
 * was. So the entries are ordered by that date (`listedAt`, else `publishedAt`): the newest of
 * the letters listed from the start and the newest of those that went public later, merged.
 * Two bounded reads, each on its own index order.
 */
export async function getSiteFeed(db: TDb, appUrl: string): Promise<TAtomFeed> {
  const [listedFromTheStart, wentPublicLater] = await Promise.all([
    db.letter.findMany({
      where: { ...listedLetters(), publishedAt: { not: null }, listedAt: null },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: SITE_FEED_ENTRIES,
      select: FEED_SELECT,
    }),
    db.letter.findMany({
      where: { ...listedLetters(), publishedAt: { not: null }, listedAt: { not: null } },
      orderBy: [{ listedAt: "desc" }, { id: "desc" }],
      take: SITE_FEED_ENTRIES,
      select: FEED_SELECT,
    }),
  ]);
  const newsAt = (letter: { listedAt: Date | null; publishedAt: Date | null }) => letter.listedAt ?? letter.publishedAt!;
  const letters = [...listedFromTheStart, ...wentPublicLater]
    .sort((a, b) => newsAt(b).getTime() - newsAt(a).getTime() || b.id.localeCompare(a.id))
    .slice(0, SITE_FEED_ENTRIES);
  const base = appUrl.replace(/\/+$/, "");
  const entries = letters.map((letter) => ({
    id: entryIdOfRow(letter.id),
    title: letter.title,
    updated: newsAt(letter),
    published: newsAt(letter),
    link: letterUrls(appUrl, letter.slug).page,
    content: [
      `An open letter to ${letter.addressee}.`,
      ...(letter.demands.length > 0 ? ["", "Demands:", ...letter.demands.map((demand, index) => `${index + 1}. ${demand.text}`)] : []),
    ].join("\n"),
  }));
  return {
    // The site has no row to be named by: its address is its identity.
    id: `${base}/feed.xml`,
    title: "Undersigned: new open letters",
    subtitle: "Open letters from employees to their leadership, with verified signatures, as they are published.",
    updated: latestUpdate(entries, NOTHING_YET),
    selfUrl: `${base}/feed.xml`,
    pageUrl: `${base}/`,
    author: "Undersigned",
    entries,
  };
}
