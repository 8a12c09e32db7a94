import { describe, expect, it } from "vitest";
import { activeMarkupIn, decodeEntities } from "@/tests/support/inert-markup";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { badgeEmbedCode } from "./badge-embed-code";

const EMBED_MARKUP = { tags: ["a", "img"], attributes: ["href", "src", "alt", "height"] };

describe("badgeEmbedCode", () => {
  it("links the badge to the letter", () => {
    expect(badgeEmbedCode("https://letters.example/", { slug: "cancel-the-contract", title: "Cancel it" })).toBe(
      '<a href="https://letters.example/letters/cancel-the-contract"><img src="https://letters.example/letters/cancel-the-contract/badge.svg" alt="Verified signatures on “Cancel it”" height="20"></a>',
    );
  });

  it.each([...XSS_TEXT_PAYLOADS, "AT&amp;T &lt;b&gt;"])("keeps the title %j as the image's text, exactly", (title) => {
    const html = badgeEmbedCode("https://letters.example", { slug: "s", title });
    expect(activeMarkupIn(html, EMBED_MARKUP)).toEqual([]);
    expect(decodeEntities(/ alt="([^"]*)"/.exec(html)![1]!)).toBe(`Verified signatures on “${title}”`);
  });
});
