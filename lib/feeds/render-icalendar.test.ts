import { describe, expect, it } from "vitest";
import { parseICalendar } from "@/tests/support/icalendar";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { foldLine, icalText } from "./ical-lines";
import { renderICalendar, type TCalendarEvent } from "./render-icalendar";

const event = (overrides: Partial<TCalendarEvent> = {}): TCalendarEvent => ({
  uid: "0b6f2c4e-1f0a-4d7b-8f55-3c2e9a7d1b00.closing@undersigned",
  revisedAt: new Date("2026-07-01T10:11:12Z"),
  day: new Date("2026-07-15T23:59:59Z"),
  summary: "Last day to sign",
  description: "The letter closes.",
  url: "https://letters.example/letters/a-letter",
  ...overrides,
});

describe("renderICalendar", () => {
  it("writes what ical.js reads as a calendar with the properties RFC 5545 requires", () => {
    const text = renderICalendar({ name: "“A letter”", description: "Dates", events: [event()] });
    const parsed = parseICalendar(text);
    expect(parsed.name).toBe("“A letter”");
    expect(parsed.events).toEqual([
      {
        uid: "0b6f2c4e-1f0a-4d7b-8f55-3c2e9a7d1b00.closing@undersigned",
        stamp: "2026-07-01T10:11:12Z",
        start: "2026-07-15",
        startIsDate: true,
        end: "2026-07-16",
        summary: "Last day to sign",
        description: "The letter closes.",
        url: "https://letters.example/letters/a-letter",
      },
    ]);
  });

  it("escapes commas, semicolons, backslashes and line breaks, and reads them back as written", () => {
    const summary = "Answer due, at last; from C:\\Board";
    const description = "Line one\nLine two\r\nLine three\rend, with \\n literally";
    const calendar = parseICalendar(renderICalendar({ name: "Dates, all; of \\them", description: "y", events: [event({ summary, description })] }));
    expect(calendar.name).toBe("Dates, all; of \\them");
    const [parsed] = calendar.events;
    expect(parsed!.summary).toBe(summary);
    expect(parsed!.description).toBe("Line one\nLine two\nLine three\nend, with \\n literally");
    expect(icalText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("folds long lines at 75 octets without splitting a character, and unfolds to the same text", () => {
    const description = `${"Ü".repeat(50)} ${"界".repeat(40)} ${"😀".repeat(30)} ${"a".repeat(200)}`;
    const text = renderICalendar({ name: "x", description: "y", events: [event({ description })] });
    // parseICalendar fails on any physical line over 75 octets or any bare line break.
    expect(parseICalendar(text).events[0]!.description).toBe(description);
    for (const line of foldLine(`DESCRIPTION:${description}`).split("\r\n")) {
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
    }
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
    expect(foldLine(`X:${"a".repeat(73)}`)).toBe(`X:${"a".repeat(73)}`);
    expect(foldLine(`X:${"a".repeat(74)}`)).toBe(`X:${"a".repeat(73)}\r\n a`);
  });

  it("keeps every hostile text as plain text", () => {
    const events = XSS_TEXT_PAYLOADS.map((payload, index) => event({ uid: `${index}@undersigned`, summary: payload, description: `Update: ${payload}` }));
    const parsed = parseICalendar(renderICalendar({ name: XSS_TEXT_PAYLOADS[0]!, description: "d", events }));
    // TEXT cannot hold control characters: the tab stays, a carriage return is a line break.
    const asText = (payload: string) => payload.replace(/\r\n|\r/g, "\n");
    expect(parsed.events.map((e) => e.summary)).toEqual(XSS_TEXT_PAYLOADS.map(asText));
    expect(parsed.events.map((e) => e.description)).toEqual(XSS_TEXT_PAYLOADS.map((payload) => `Update: ${asText(payload)}`));
  });

  it("drops control characters and replaces lone surrogates", () => {
    expect(icalText("a\u0000b\u0007c\u007fd\uD800e\tf")).toBe("abcd\uFFFDe\tf");
  });
});
