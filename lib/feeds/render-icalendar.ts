import { foldLine, icalDate, icalDateTime, icalText } from "./ical-lines";

const DAY_MS = 24 * 60 * 60 * 1000;

export type TCalendarEvent = {
  /** Stable across fetches, so a subscribed calendar updates the event instead of adding another. */
  uid: string;
  /** When the event's information was last revised (DTSTAMP, without a METHOD). */
  revisedAt: Date;
  /** The UTC day of the event: letters close and answers fall due on days, not at hours. */
  day: Date;
  summary: string;
  description: string;
  url: string;
};

export type TCalendar = { name: string; description: string; events: readonly TCalendarEvent[] };

/**
 * An iCalendar object (RFC 5545) of all-day events. No METHOD: it is published to be subscribed
 * to, not sent as a scheduling message. Every TEXT value goes through `icalText`; URLs are URI
 * values and are written as they are (ours hold no characters that need escaping).
 */
export function renderICalendar(calendar: TCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Undersigned//Letter calendar//EN",
    "CALSCALE:GREGORIAN",
    `NAME:${icalText(calendar.name)}`,
    `X-WR-CALNAME:${icalText(calendar.name)}`,
    `DESCRIPTION:${icalText(calendar.description)}`,
    // How often a subscribed calendar should fetch again (RFC 7986, and the older name Outlook reads).
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...calendar.events.flatMap((event) => [
      "BEGIN:VEVENT",
      `UID:${icalText(event.uid)}`,
      `DTSTAMP:${icalDateTime(event.revisedAt)}`,
      `DTSTART;VALUE=DATE:${icalDate(event.day)}`,
      `DTEND;VALUE=DATE:${icalDate(new Date(event.day.getTime() + DAY_MS))}`,
      `SUMMARY:${icalText(event.summary)}`,
      `DESCRIPTION:${icalText(event.description)}`,
      `URL:${event.url}`,
      // A deadline to know about, not time taken out of the reader's day.
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
