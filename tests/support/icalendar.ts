import ICAL from "ical.js";

/**
 * Reads an iCalendar object with ical.js and checks what RFC 5545 requires of it (VERSION and
 * PRODID on the calendar; UID, DTSTAMP and DTSTART on each event; CRLF line ends; no physical
 * line over 75 octets), returning the events as tests look at them.
 */

export type TParsedEvent = {
  uid: string;
  stamp: string;
  start: string;
  startIsDate: boolean;
  end: string | null;
  summary: string;
  description: string;
  url: string | null;
};

// ical.js reads properties it does not know as raw text; RFC 5545 §3.8.8.2 makes an X-property
// TEXT by default, and RFC 7986 makes NAME TEXT, so both are unescaped like SUMMARY.
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };
ICAL.design.icalendar.property["name"] = { defaultType: "text" };

export function parseICalendar(text: string): { name: string | null; events: TParsedEvent[] } {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("does not end with CRLF");
  const physicalLines = text.split("\r\n").slice(0, -1);
  physicalLines.forEach((line, index) => {
    if (line.includes("\n") || line.includes("\r")) problems.push(`line ${index + 1} has a bare CR or LF`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${index + 1} is ${Buffer.byteLength(line, "utf8")} octets long`);
  });
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== "vcalendar") problems.push(`the root is ${calendar.name}`);
  if (calendar.getFirstPropertyValue("version") !== "2.0") problems.push("VERSION is not 2.0");
  if (!calendar.getFirstPropertyValue("prodid")) problems.push("no PRODID");
  const vevents = calendar.getAllSubcomponents("vevent");
  if (vevents.length === 0) problems.push("no component (RFC 5545 requires at least one)");
  const events = vevents.map((vevent, index) => {
    for (const name of ["uid", "dtstamp", "dtstart"]) {
      if (vevent.getAllProperties(name).length !== 1) problems.push(`event ${index} has ${vevent.getAllProperties(name).length} ${name.toUpperCase()}`);
    }
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time | null;
    const end = vevent.getFirstPropertyValue("dtend") as ICAL.Time | null;
    const stamp = vevent.getFirstPropertyValue("dtstamp") as ICAL.Time | null;
    if (stamp && (stamp.isDate || stamp.zone?.tzid !== "UTC")) problems.push(`event ${index}: DTSTAMP must be a UTC date-time`);
    if (start && end && end.compare(start) <= 0) problems.push(`event ${index}: DTEND is not after DTSTART`);
    return {
      uid: String(vevent.getFirstPropertyValue("uid")),
      stamp: stamp?.toString() ?? "",
      start: start?.toString() ?? "",
      startIsDate: start?.isDate ?? false,
      end: end?.toString() ?? null,
      summary: String(vevent.getFirstPropertyValue("summary") ?? ""),
      description: String(vevent.getFirstPropertyValue("description") ?? ""),
      url: (vevent.getFirstPropertyValue("url") as string | null) ?? null,
    };
  });
  const name = (calendar.getFirstPropertyValue("name") as string | null) ?? null;
  if (name !== calendar.getFirstPropertyValue("x-wr-calname")) problems.push("NAME and X-WR-CALNAME differ");
  if (problems.length > 0) throw new Error(`Not valid iCalendar (RFC 5545):\n${problems.join("\n")}`);
  return { name, events };
}
