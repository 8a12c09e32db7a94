import type { TRenderedEmail } from "@/lib/mail/email-template";
import { escapeMarkup } from "@/lib/security/escape-markup";

/**
 * The one shape of every email we send: a few short paragraphs and one button-like link.
 * Kept plain on purpose: the employer's mail system reads it too, and a plain message is the
 * least likely to be filtered.
 */
export function renderLinkEmail(email: {
  subject: string;
  paragraphs: string[];
  link: { label: string; url: string };
  footer: string;
}): TRenderedEmail {
  const text = [...email.paragraphs, `${email.link.label}: ${email.link.url}`, email.footer].join("\n\n");
  const html = `<!doctype html>
<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem">
${email.paragraphs.map((paragraph) => `<p>${escapeMarkup(paragraph)}</p>`).join("\n")}
<p><a href="${escapeMarkup(email.link.url)}" style="display: inline-block; padding: 0.6rem 1rem; background: #1f5fbf; color: #fff; text-decoration: none; border-radius: 8px">${escapeMarkup(email.link.label)}</a></p>
<p style="font-size: 0.9em; color: #555">If the button does not work, copy this address into your browser:<br>${escapeMarkup(email.link.url)}</p>
<p style="font-size: 0.9em; color: #555">${escapeMarkup(email.footer)}</p>
</body></html>`;
  return { subject: email.subject.replace(/[\r\n]+/g, " "), text, html };
}
