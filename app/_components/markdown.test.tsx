import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { activeMarkupIn, textOfMarkup, type TMarkupAllowlist } from "@/tests/support/inert-markup";
import { SAFE_MARKDOWN_LINK, XSS_MARKDOWN_PAYLOADS, XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { MarkdownBody } from "./markdown";

const render = (source: string) => renderToStaticMarkup(<MarkdownBody source={source} />);

// What CommonMark and GFM produce from plain Markdown; anything else came from the source.
const MARKDOWN_OUTPUT: TMarkupAllowlist = {
  tags: [
    "div",
    "p",
    "a",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ol",
    "ul",
    "li",
    "hr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
    "section",
    "sup",
  ],
  attributes: ["class", "href", "rel", "title", "start", "type", "checked", "disabled", "align", "style", "id"],
};

describe("MarkdownBody", () => {
  it("renders the Markdown an organiser writes", () => {
    const html = render("We ask for **two things**:\n\n1. one\n2. two\n\n> a quote\n\n[our site](https://example.org)");
    expect(html).toContain("<strong>two things</strong>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noreferrer">our site</a>');
  });

  it("keeps a legitimate link beside hostile ones", () => {
    const html = render(XSS_MARKDOWN_PAYLOADS.map((payload) => payload.source).join("\n\n") + `\n\n[${SAFE_MARKDOWN_LINK.label}](${SAFE_MARKDOWN_LINK.href})`);
    expect(html).toContain(`<a href="${SAFE_MARKDOWN_LINK.href}" rel="nofollow ugc noreferrer">${SAFE_MARKDOWN_LINK.label}</a>`);
  });

  it.each(XSS_MARKDOWN_PAYLOADS)("renders the Markdown trick $source inert, keeping its words", ({ source, label }) => {
    const html = render(source);
    expect(activeMarkupIn(html, MARKDOWN_OUTPUT)).toEqual([]);
    if (label) expect(textOfMarkup(html)).toContain(label);
  });

  it.each(XSS_TEXT_PAYLOADS)("renders the plain-text payload %j inert", (source) => {
    expect(activeMarkupIn(render(source), MARKDOWN_OUTPUT)).toEqual([]);
  });
});

describe("MarkdownBody line breaks", () => {
  it("keeps a single line break as a break, as a letter's sign-off needs", () => {
    expect(render("Sincerely,\nExample Corp staff")).toBe('<div class="prose"><p>Sincerely,<br/>\nExample Corp staff</p></div>');
  });

  it("still makes a blank line a new paragraph", () => {
    expect(render("One.\n\nTwo.")).toBe('<div class="prose"><p>One.</p>\n<p>Two.</p></div>');
  });
});
