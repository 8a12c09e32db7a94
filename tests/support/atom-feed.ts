import { DOMParser, type Element } from "@xmldom/xmldom";

/**
 * Reads an Atom document with a real XML parser and checks what RFC 4287 requires of it, so a
 * test fails on a malformed or incomplete feed rather than on a changed string. Returns the
 * parts tests look at.
 */

export const ATOM_NS = "http://www.w3.org/2005/Atom";

// RFC 3339 date-time, as RFC 4287 §3.3 requires (an uppercase T and Z, seconds, optional fraction).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// An IRI with a scheme: atom:id must be absolute (§4.2.6).
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

export type TParsedEntry = {
  id: string;
  title: string;
  titleType: string | null;
  updated: string;
  published: string | null;
  content: string | null;
  contentType: string | null;
  contentHasElements: boolean;
  alternate: string | null;
};
export type TParsedFeed = { id: string; title: string; updated: string; self: string | null; alternate: string | null; entries: TParsedEntry[] };

// Characters XML 1.0 (§2.2) does not allow anywhere, not even written as a reference.
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function parseAtomFeed(xml: string): TParsedFeed {
  const problems: string[] = [];
  if (NOT_XML_CHAR.test(xml)) problems.push("the document holds a character XML 1.0 does not allow");
  const document = new DOMParser({
    // Errors stop the test; warnings (a U+FFFD in the text, say) are the parser's hints, not faults.
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XML ${level}: ${message}`);
    },
    // XML 1.0's line-end handling only: the parser's default also folds U+2028 and U+2029 (XML 1.1).
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, "\n"),
  }).parseFromString(xml, "application/xml");
  const feed = document.documentElement;
  if (!feed || feed.localName !== "feed" || feed.namespaceURI !== ATOM_NS)
    throw new Error(`The root is not atom:feed but ${feed?.namespaceURI}:${feed?.localName}`);

  const children = (parent: Element, name: string) =>
    Array.from(parent.childNodes).filter(
      (node): node is Element => node.nodeType === 1 && (node as Element).namespaceURI === ATOM_NS && (node as Element).localName === name,
    );
  const one = (parent: Element, name: string, where: string) => {
    const found = children(parent, name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} atom:${name}, needs exactly one`);
    return found[0];
  };
  const atMostOne = (parent: Element, name: string, where: string) => {
    const found = children(parent, name);
    if (found.length > 1) problems.push(`${where} has ${found.length} atom:${name}, allows at most one`);
    return found[0];
  };
  const text = (element: Element | undefined) => {
    const value = element?.textContent ?? "";
    if (NOT_XML_CHAR.test(value)) problems.push(`a reference in atom:${element?.localName} stands for a character XML 1.0 does not allow`);
    return value;
  };
  const checkId = (element: Element | undefined, where: string) => {
    if (!ABSOLUTE_IRI.test(text(element))) problems.push(`${where}: atom:id "${text(element)}" is not an absolute IRI`);
  };
  const checkDate = (element: Element | undefined, where: string) => {
    if (element && !RFC3339.test(text(element))) problems.push(`${where}: "${text(element)}" is not an RFC 3339 date-time`);
  };
  const links = (parent: Element, rel: string) => children(parent, "link").filter((link) => (link.getAttribute("rel") || "alternate") === rel);
  const checkLinks = (parent: Element, where: string) => {
    for (const link of children(parent, "link")) if (!link.getAttribute("href")) problems.push(`${where}: atom:link without href`);
    const alternates = links(parent, "alternate").map((link) => `${link.getAttribute("type")}|${link.getAttribute("hreflang")}`);
    if (new Set(alternates).size !== alternates.length) problems.push(`${where}: two alternate links of the same type and language`);
  };

  // §4.1.1: exactly one id, title, updated; authors unless every entry has its own.
  const feedId = one(feed, "id", "feed");
  checkId(feedId, "feed");
  const feedTitle = one(feed, "title", "feed");
  const feedUpdated = one(feed, "updated", "feed");
  checkDate(feedUpdated, "feed updated");
  atMostOne(feed, "subtitle", "feed");
  atMostOne(feed, "generator", "feed");
  checkLinks(feed, "feed");
  const feedHasAuthor = children(feed, "author").length > 0;
  for (const author of children(feed, "author")) one(author, "name", "feed author");

  const entries = children(feed, "entry").map((entry, index): TParsedEntry => {
    const where = `entry ${index}`;
    // §4.1.2: exactly one id, title, updated; content or an alternate link; an author somewhere.
    const id = one(entry, "id", where);
    checkId(id, where);
    const title = one(entry, "title", where);
    const updated = one(entry, "updated", where);
    checkDate(updated, `${where} updated`);
    const published = atMostOne(entry, "published", where);
    checkDate(published, `${where} published`);
    const content = atMostOne(entry, "content", where);
    checkLinks(entry, where);
    const alternate = links(entry, "alternate")[0];
    if (!content && !alternate) problems.push(`${where} has neither atom:content nor an alternate link`);
    if (!feedHasAuthor && children(entry, "author").length === 0) problems.push(`${where} has no author and the feed has none`);
    return {
      id: text(id),
      title: text(title),
      titleType: title?.getAttribute("type") ?? null,
      updated: text(updated),
      published: published ? text(published) : null,
      content: content ? text(content) : null,
      contentType: content?.getAttribute("type") ?? null,
      contentHasElements: content ? Array.from(content.childNodes).some((node) => node.nodeType === 1) : false,
      alternate: alternate?.getAttribute("href") ?? null,
    };
  });
  const ids = entries.map((entry) => entry.id);
  if (new Set(ids).size !== ids.length) problems.push("two entries share an atom:id");
  if (problems.length > 0) throw new Error(`Not valid Atom (RFC 4287):\n${problems.join("\n")}`);
  return {
    id: text(feedId),
    title: text(feedTitle),
    updated: text(feedUpdated),
    self: links(feed, "self")[0]?.getAttribute("href") ?? null,
    alternate: links(feed, "alternate")[0]?.getAttribute("href") ?? null,
    entries,
  };
}
