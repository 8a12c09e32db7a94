/**
 * The lexical rules of iCalendar (RFC 5545 §3.1, §3.3.11): TEXT escaping, content lines folded at
 * 75 octets, CRLF line ends.
 */

const MAX_LINE_OCTETS = 75;

// TEXT allows no control character but the tab (§3.3.11: TSAFE-CHAR), and a lone surrogate
// cannot be written as UTF-8 at all. Line breaks are handled before these, as `\n`.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** A TEXT value: backslash, semicolon and comma escaped, every line break written as `\n`. */
export function icalText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, "\n")
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, "\\n")
    .replace(CONTROL, "")
    .replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * One content line, folded: no physical line longer than 75 octets, continuations starting with
 * one space, and never a break inside a character's UTF-8 bytes (readers would decode halves).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    // Continuation lines spend one octet on their leading space.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** `20260715T100000Z`: a DATE-TIME in UTC. */
export const icalDateTime = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** `20260715`: the UTC day of `at`, as a DATE. */
export const icalDate = (at: Date) => at.toISOString().slice(0, 10).replace(/-/g, "");
