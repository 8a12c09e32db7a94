import { escapeMarkup } from "@/lib/security/escape-markup";

// XML 1.0 allows these characters and no others, not even as a character reference: a control
// character or a lone surrogate in an update (pasted from a PDF, say) would make the whole feed
// malformed, and a feed reader drops a malformed feed entirely.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text placed in XML element content or a quoted attribute: markup characters become references
 * (so hostile text stays text), characters XML cannot carry become U+FFFD, and a carriage return
 * is written as a reference, because an XML parser turns a literal one into a line feed.
 */
export function xmlText(text: string): string {
  return escapeMarkup(text.replace(NOT_XML_CHAR, "\uFFFD")).replace(/\r/g, "&#13;");
}
