import type { TRenderedEmail } from "@/lib/mail/email-template";
import { escapeMarkup } from "@/lib/security/escape-markup";

/**
 * The one shape of every email we send: a few short paragraphs and one button-like link.
 * Kept plain on purpose: the employer's mail system reads it too, and a plain message is the
 * least likely to be filtered.
 *
 * Both parts offer the same links: an address of ours written in a paragraph (the withdraw
 * link in a confirmation's footer) is a link in the HTML part too, not text to copy. Only
 * addresses on the origin of the email's own link are made links, so a URL quoted from a
 * letter's title stays text: the email vouches for our links alone.
 */
export function renderLinkEmail(email: { subject: string; paragraphs: string[]; link: { label: string; url: string }; footer: string }): TRenderedEmail {
  const subject = email.subject.replace(/[\r\n]+/g, " ");
  const text = [...email.paragraphs, `${email.link.label}: ${email.link.url}`, email.footer].join("\n\n");
  const ours = new URL(email.link.url).origin;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeMarkup(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem">
${email.paragraphs.map((paragraph) => `<p>${withLinks(paragraph, ours)}</p>`).join("\n")}
<p><a href="${escapeMarkup(email.link.url)}" style="display: inline-block; padding: 0.6rem 1rem; background: #1f5fbf; color: #fff; text-decoration: none; border-radius: 8px">${escapeMarkup(email.link.label)}</a></p>
<p style="font-size: 0.9em; color: #555">If the button does not work, copy this address into your browser:<br>${withLinks(email.link.url, ours)}</p>
<p style="font-size: 0.9em; color: #555">${withLinks(email.footer, ours)}</p>
</body></html>`;
  return { subject, text, html };
}

// An address runs to the next space; punctuation that ends the sentence around it is not part of it.
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+?(?=[.,;:!?)]*(?:\s|$))/g;

/** `text` as escaped HTML, with every address on `origin` as a link to itself. */
function withLinks(text: string, origin: string): string {
  let html = "";
  let from = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0];
    if (!isOn(url, origin)) continue;
    html += `${escapeMarkup(text.slice(from, match.index))}<a href="${escapeMarkup(url)}">${escapeMarkup(url)}</a>`;
    from = match.index + url.length;
  }
  return html + escapeMarkup(text.slice(from));
}

function isOn(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
