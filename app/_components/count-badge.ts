import { escapeMarkup } from "@/lib/security/escape-markup";
import { formatCount } from "@/lib/wording/format";
import { nounFor, NOUNS } from "@/lib/wording/plural";

// Verdana 11px, as shields.io badges use: about 7 px a character is enough for digits and lower case.
const textWidth = (text: string) => Math.ceil(text.length * 7) + 12;

/**
 * A shields-style badge, "verified signatures | 1,234", as SVG text: small, sharp at any zoom,
 * and readable by screen readers through its title.
 */
export function renderCountBadge(total: number, label = nounFor(total, NOUNS.verifiedSignature)): string {
  const value = formatCount(total);
  const left = textWidth(label);
  const right = textWidth(value);
  const width = left + right;
  const title = escapeMarkup(`${value} ${label}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}"><title>${title}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="#1f5fbf"/><rect width="${width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${left / 2}" y="14">${escapeMarkup(label)}</text><text x="${left + right / 2}" y="14" font-weight="bold">${escapeMarkup(value)}</text></g></svg>`;
}
