import { xmlText } from "./xml-text";

export type TAtomEntry = {
  id: string;
  title: string;
  /** When the entry was last written: a feed reader shows an entry as new or changed by this. */
  updated: Date;
  published: Date;
  link: string;
  /** Plain text; sent as `type="text"`, so no reader renders anything in it as markup. */
  content: string;
};

export type TAtomFeed = {
  id: string;
  title: string;
  subtitle: string;
  updated: Date;
  selfUrl: string;
  pageUrl: string;
  author: string;
  entries: readonly TAtomEntry[];
};

const stamp = (at: Date) => at.toISOString();

/**
 * An Atom 1.0 document (RFC 4287). Every text is escaped by `xmlText` and sent as `type="text"`:
 * updates are plain text on the page too, and a reader must show a pasted `<script>` as typed.
 */
export function renderAtomFeed(feed: TAtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    `  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`,
    `  <updated>${stamp(feed.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.pageUrl)}"/>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    "  <generator>Undersigned</generator>",
    ...feed.entries.flatMap((entry) => [
      "  <entry>",
      `    <id>${xmlText(entry.id)}</id>`,
      `    <title type="text">${xmlText(entry.title)}</title>`,
      `    <updated>${stamp(entry.updated)}</updated>`,
      `    <published>${stamp(entry.published)}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
      `    <content type="text">${xmlText(entry.content)}</content>`,
      "  </entry>",
    ]),
    "</feed>",
    "",
  ];
  return lines.join("\n");
}

/** The newest `updated` of the entries, or `fallback` for a feed without any. */
export function latestUpdate(entries: readonly TAtomEntry[], fallback: Date): Date {
  return entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), fallback);
}
