import type { TDb } from "@/lib/db/prisma";
import { letterUrls } from "@/lib/letters/letter-urls";
import { PUBLISHED_STATUSES } from "@/lib/letters/published-statuses";
import { formatDay } from "./feed-dates";
import type { TCalendar, TCalendarEvent } from "./render-icalendar";

/** Promised answers in a letter's calendar: the latest ones, a bounded read. */
export const CALENDAR_DEADLINES = 50;

/**
 * A published letter's dates as a calendar: when it was published, when it closes (or closed),
 * and each day by which the addressee promised an answer (a status update's `respondBy`).
 * Null for drafts, letters in review and unknown slugs alike.
 */
export async function getLetterCalendar(db: TDb, slug: string, appUrl: string): Promise<(TCalendar & { listed: boolean }) | null> {
  const letter = await db.letter.findFirst({
    where: { slug, status: { in: [...PUBLISHED_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      addressee: true,
      status: true,
      publishedAt: true,
      closesAt: true,
      closedAt: true,
      updatedAt: true,
      listed: true,
      statusUpdates: {
        where: { respondBy: { not: null } },
        orderBy: [{ respondBy: "desc" }, { createdAt: "desc" }],
        take: CALENDAR_DEADLINES,
        select: { id: true, body: true, respondBy: true, createdAt: true },
      },
    },
  });
  if (!letter) return null;
  const page = letterUrls(appUrl, letter.slug).page;
  const events: TCalendarEvent[] = [];
  if (letter.publishedAt) {
    events.push({
      uid: `${letter.id}.published@undersigned`,
      revisedAt: letter.publishedAt,
      day: letter.publishedAt,
      summary: `Published: “${letter.title}”`,
      description: `The open letter to ${letter.addressee} was published.\n\n${page}`,
      url: page,
    });
  }
  const closing = closingEvent(letter, page);
  if (closing) events.push(closing);
  for (const update of letter.statusUpdates) {
    events.push({
      uid: `${update.id}.answer-due@undersigned`,
      revisedAt: update.createdAt,
      day: update.respondBy!,
      summary: `Answer due from ${letter.addressee}: “${letter.title}”`,
      description: `${letter.addressee} promised an answer by ${formatDay(update.respondBy!)}. The organisers' update:\n\n${update.body}\n\n${page}`,
      url: `${page}#update-${update.id}`,
    });
  }
  return {
    // Not part of the document: whether its response may be indexed (quiet launch).
    listed: letter.listed,
    name: `“${letter.title}”`,
    description: `Dates of the open letter to ${letter.addressee}: its closing date and the answers promised.`,
    events,
  };
}

/** One event for the end of signing, under one UID: a letter closed early moves it. */
function closingEvent(
  letter: { id: string; title: string; addressee: string; status: string; closesAt: Date | null; closedAt: Date | null; updatedAt: Date },
  page: string,
): TCalendarEvent | null {
  const base = { uid: `${letter.id}.closing@undersigned`, revisedAt: letter.updatedAt, url: page };
  if (letter.status === "CLOSED" && letter.closedAt) {
    return {
      ...base,
      day: letter.closedAt,
      summary: `Closed to signatures: “${letter.title}”`,
      description: `The open letter to ${letter.addressee} closed to new signatures on ${formatDay(letter.closedAt)}.\n\n${page}`,
    };
  }
  if (letter.status === "OPEN" && letter.closesAt) {
    return {
      ...base,
      day: letter.closesAt,
      summary: `Last day to sign: “${letter.title}”`,
      description: `The open letter to ${letter.addressee} accepts signatures until the end of ${formatDay(letter.closesAt)} (UTC).\n\n${page}`,
    };
  }
  return null;
}
