import { describe, expect, it } from "vitest";
import { parseAtomFeed } from "@/tests/support/atom-feed";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { renderAtomFeed, type TAtomEntry, type TAtomFeed } from "./render-atom-feed";

const entry = (index: number, content: string, title = `Update ${index}`): TAtomEntry => ({
  id: `urn:uuid:00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
  title,
  updated: new Date(Date.UTC(2026, 6, 1, 10, index)),
  published: new Date(Date.UTC(2026, 6, 1, 9, index)),
  link: `https://letters.example/letters/a-letter#update-${index}`,
  content,
});

const feed = (entries: TAtomEntry[], overrides: Partial<TAtomFeed> = {}): TAtomFeed => ({
  id: "urn:uuid:7d4b3c1e-5a8f-5c2b-9e61-0f3a2d8b6c57",
  title: "Updates on “A letter”",
  subtitle: "An open letter to the board.",
  updated: new Date("2026-07-01T10:30:00Z"),
  selfUrl: "https://letters.example/letters/a-letter/feed.xml",
  pageUrl: "https://letters.example/letters/a-letter",
  author: "The letter's organisers",
  entries,
  ...overrides,
});

describe("renderAtomFeed", () => {
  it("writes a document that an XML parser reads as Atom with every element RFC 4287 requires", () => {
    const parsed = parseAtomFeed(renderAtomFeed(feed([entry(2, "Second"), entry(1, "First")])));
    expect(parsed).toMatchObject({
      id: "urn:uuid:7d4b3c1e-5a8f-5c2b-9e61-0f3a2d8b6c57",
      title: "Updates on “A letter”",
      updated: "2026-07-01T10:30:00.000Z",
      self: "https://letters.example/letters/a-letter/feed.xml",
      alternate: "https://letters.example/letters/a-letter",
    });
    expect(parsed.entries.map((e) => [e.title, e.content, e.updated, e.published])).toEqual([
      ["Update 2", "Second", "2026-07-01T10:02:00.000Z", "2026-07-01T09:02:00.000Z"],
      ["Update 1", "First", "2026-07-01T10:01:00.000Z", "2026-07-01T09:01:00.000Z"],
    ]);
  });

  it("is valid with no entries at all", () => {
    expect(parseAtomFeed(renderAtomFeed(feed([]))).entries).toEqual([]);
  });

  it("the validator itself refuses a feed that lacks a required element", () => {
    const valid = renderAtomFeed(feed([entry(1, "x")]));
    expect(() => parseAtomFeed(valid.replace(/<updated>[^<]*<\/updated>\n/, ""))).toThrow(/feed has 0 atom:updated/);
    expect(() => parseAtomFeed(valid.replace("<feed xmlns=", "<feed xmlns:x="))).toThrow(/root is not atom:feed/);
    expect(() => parseAtomFeed(valid.replace("</feed>", ""))).toThrow(/XML/);
  });

  it("carries every hostile text as text: parsed back exactly as written, no element inside", () => {
    const entries = XSS_TEXT_PAYLOADS.map((payload, index) => entry(index, `Body ${payload}`, `Title ${payload}`));
    const xml = renderAtomFeed(feed(entries, { title: XSS_TEXT_PAYLOADS[0]!, subtitle: XSS_TEXT_PAYLOADS[1]! }));
    const parsed = parseAtomFeed(xml);
    expect(parsed.title).toBe(XSS_TEXT_PAYLOADS[0]);
    parsed.entries.forEach((parsedEntry, index) => {
      expect(parsedEntry.content).toBe(`Body ${XSS_TEXT_PAYLOADS[index]}`);
      expect(parsedEntry.title).toBe(`Title ${XSS_TEXT_PAYLOADS[index]}`);
      expect(parsedEntry).toMatchObject({ contentType: "text", titleType: "text", contentHasElements: false });
    });
    // Nothing a reader could take as markup, a DTD or an entity of ours.
    expect(xml).not.toMatch(/<!DOCTYPE|<!ENTITY|<!\[CDATA\[|<script/i);
  });

  it("replaces characters XML 1.0 cannot carry instead of breaking the whole feed", () => {
    const xml = renderAtomFeed(feed([entry(1, "bell\u0007 null-ish\u0001 lone\uD800 pair😀 nonchar\uFFFE tab\t cr\rlf")]));
    expect(parseAtomFeed(xml).entries[0]!.content).toBe("bell\uFFFD null-ish\uFFFD lone\uFFFD pair😀 nonchar\uFFFD tab\t cr\rlf");
  });

  it("the validator itself refuses characters XML 1.0 does not allow, written or referenced", () => {
    const valid = renderAtomFeed(feed([entry(1, "x")]));
    expect(() => parseAtomFeed(valid.replace('<content type="text">x', '<content type="text">\u0001'))).toThrow(/does not allow/);
    expect(() => parseAtomFeed(valid.replace('<content type="text">x', '<content type="text">&#1;'))).toThrow(/XML|does not allow/);
  });
});
