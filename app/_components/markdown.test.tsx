import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownBody } from "./markdown";

const render = (source: string) => renderToStaticMarkup(<MarkdownBody source={source} />);

describe("MarkdownBody", () => {
  it("renders the Markdown an organiser writes", () => {
    const html = render("We ask for **two things**:\n\n1. one\n2. two\n\n> a quote\n\n[our site](https://example.org)");
    expect(html).toContain("<strong>two things</strong>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noreferrer">our site</a>');
  });

  it.each([
    ["a script tag", "<script>window.pwned = 1</script>", /<script/i],
    ["an event handler", '<img src=x onerror="window.pwned = 1">', /onerror/i],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ["a style block", "<style>body { display: none }</style>", /<style/i],
    ["a javascript: link", "[click me](javascript:alert(1))", /javascript:/i],
    ["an obfuscated javascript: link", "[click](JaVaScRiPt:alert(1))", /javascript:/i],
    ["an entity-encoded javascript: link", "[click](&#106;avascript:alert(1))", /javascript:/i],
    ["a data: URL", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", /data:/i],
    ["a vbscript: link", "[click](vbscript:msgbox)", /vbscript:/i],
    ["an autolink to javascript:", "<javascript:alert(1)>", /href="javascript:/i],
    ["a remote image (a tracking pixel)", "![pixel](https://tracker.example/p.gif)", /<img/i],
  ])("renders %s inert", (_name, source, forbidden) => {
    expect(render(source)).not.toMatch(forbidden);
  });
});
