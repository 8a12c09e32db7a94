import { describe, expect, it } from "vitest";
import { activeMarkupIn, textOfMarkup, type TMarkupAllowlist } from "@/tests/support/inert-markup";
import { XSS_TEXT_PAYLOADS } from "@/tests/support/xss-corpus";
import { renderLinkEmail } from "./render-link-email";

// The template's own markup; a letter's title or addressee quoted in a paragraph must add nothing.
const EMAIL_MARKUP: TMarkupAllowlist = { tags: ["html", "body", "p", "a", "br"], attributes: ["lang", "style", "href"] };

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
