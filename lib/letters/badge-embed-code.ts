import { escapeMarkup } from "@/lib/security/escape-markup";
import { letterUrls } from "./letter-urls";

/**
 * The HTML other sites paste to show a letter's live count badge: a link to the letter around
 * the badge, whose alternative text names the letter exactly as its title reads.
 */
export function badgeEmbedCode(appUrl: string, letter: { slug: string; title: string }): string {
  const urls = letterUrls(appUrl, letter.slug);
  return `<a href="${escapeMarkup(urls.page)}"><img src="${escapeMarkup(urls.badge)}" alt="${escapeMarkup(`Verified signatures on “${letter.title}”`)}" height="20"></a>`;
}
