import type { TDb } from "@/lib/db/prisma";
import { letterUrls } from "@/lib/letters/letter-urls";
import { PUBLISHED_STATUSES } from "@/lib/letters/published-statuses";
import { STATUS_UPDATE_LABELS } from "@/lib/letters/status-update-labels";
import { entryIdOfRow, letterFeedId } from "./feed-ids";
import { formatDay } from "./feed-dates";
import { latestUpdate, type TAtomFeed } from "./render-atom-feed";

/** Entries in a letter's feed: more than any letter's story so far, and a bounded read. */
export const LETTER_FEED_ENTRIES = 50;
const TITLE_LENGTH = 120;

/**
 * A published letter's timeline as an Atom feed, newest first: the updates organisers post, the
 * demand-status changes (which the platform writes on the same timeline, as DEMAND_CHANGE
 * updates) and the platform's own (published, closed). Null for a draft, a letter in review or
 * no letter at all, which look the same from outside.
 */
export async function getLetterFeed(db: TDb, slug: string, appUrl: string): Promise<(TAtomFeed & { listed: boolean }) | null> {
  const letter = await db.letter.findFirst({
    where: { slug, status: { in: [...PUBLISHED_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      addressee: true,
      publishedAt: true,
      createdAt: true,
      listed: true,
      statusUpdates: {
        orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
        take: LETTER_FEED_ENTRIES,
        select: { id: true, kind: true, body: true, occurredAt: true, respondBy: true, createdAt: true },
      },
    },
  });
  if (!letter) return null;
  const urls = letterUrls(appUrl, letter.slug);
  const entries = letter.statusUpdates.map((update) => ({
    id: entryIdOfRow(update.id),
    title: `${STATUS_UPDATE_LABELS[update.kind]}: ${firstLine(update.body)}`,
    // An update is written once (organisers remove and re-post rather than edit), so it was last
    // changed when it was written, even when it reports an earlier day.
    updated: update.createdAt,
    published: update.occurredAt,
    link: `${urls.page}#update-${update.id}`,
    content: update.respondBy ? `${update.body}\n\nAnswer promised by ${formatDay(update.respondBy)}.` : update.body,
  }));
  return {
    // Not part of the document: whether its response may be indexed (quiet launch).
    listed: letter.listed,
    id: letterFeedId(letter.id),
    title: `Updates on “${letter.title}”`,
    subtitle: `An open letter to ${letter.addressee}: its delivery, the answers, and the status of each demand.`,
    updated: latestUpdate(entries, letter.publishedAt ?? letter.createdAt),
    selfUrl: urls.feed,
    pageUrl: urls.page,
    author: "The letter's organisers",
    entries,
  };
}

function firstLine(body: string): string {
  const line = body.trim().split("\n", 1)[0]!.trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
}
