import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { activeMarkupIn, decodeEntities, textOfMarkup, type TMarkupAllowlist } from "@/tests/support/inert-markup";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { renderLinkEmail } from "./render-link-email";

// The template's own markup; a letter's title or addressee quoted in a paragraph must add nothing.
const EMAIL_MARKUP: TMarkupAllowlist = { tags: ["html", "head", "meta", "title", "body", "p", "a", "br"], attributes: ["lang", "charset", "style", "href"] };

const render = (quoted: string) =>
  renderLinkEmail({
    subject: `Confirm your signature: ${quoted}`,
    paragraphs: [`Someone asked to sign the open letter "${quoted}" to ${quoted}.`],
    link: { label: "Confirm my signature", url: "https://letters.example/confirm/abc" },
    footer: `About ${quoted}.`,
  });

describe("renderLinkEmail", () => {
  it.each(XSS_TEXT_PAYLOADS)("quotes %j as text in the HTML part, unchanged in the text part", (payload) => {
    const email = render(payload);
    expect(activeMarkupIn(email.html, EMAIL_MARKUP)).toEqual([]);
    expect(textOfMarkup(email.html)).toContain(`the open letter "${payload}" to ${payload}.`);
    expect(email.text).toContain(`the open letter "${payload}" to ${payload}.`);
    // A line break in a header would start a header of the sender's choosing.
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});

/** Every http(s) address written in a text part. */
const urlsInText = (text: string) => [...text.matchAll(/https?:\/\/[^\s<>"]+?(?=[.,;:!?)]*(?:\s|$))/g)].map((match) => match[0]);
const linksInHtml = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((match) => decodeEntities(match[1]!));

describe("every email's HTML part", () => {
  const email = renderLinkEmail({
    subject: "Confirm your signature on Undersigned",
    paragraphs: ["Someone asked to sign an open letter (see https://letters.example/letters/a-letter)."],
    link: { label: "Confirm my signature", url: "https://letters.example/confirm/abc_-123" },
    footer: "Keep this email: to withdraw your signature later, open https://letters.example/withdraw/def_-456 (it works for a year).",
  });

  it("has a title, its subject, and is conforming HTML", async () => {
    expect(email.html).toContain("<title>Confirm your signature on Undersigned</title>");
    const report = await new HtmlValidate({ extends: ["html-validate:standard"] }).validateString(email.html);
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
  });

  it("offers as a link every address the text part offers, the withdraw link in the footer included", () => {
    const inText = urlsInText(email.text);
    expect(inText).toEqual([
      "https://letters.example/letters/a-letter",
      "https://letters.example/confirm/abc_-123",
      "https://letters.example/withdraw/def_-456",
    ]);
    expect(new Set(linksInHtml(email.html))).toEqual(new Set(inText));
  });

  it("makes links of our own addresses only: a URL quoted from a letter's title stays text", () => {
    const quoting = renderLinkEmail({
      subject: "You signed",
      paragraphs: ['You signed the open letter "Read https://evil.example/login first".'],
      link: { label: "Withdraw", url: "https://letters.example/withdraw/abc" },
      footer: "Sent by https://letters.example.",
    });
    expect(linksInHtml(quoting.html)).toEqual(["https://letters.example/withdraw/abc", "https://letters.example/withdraw/abc", "https://letters.example"]);
    expect(quoting.html).toContain("Read https://evil.example/login first");
  });
});
