/**
 * Checks markup we generate as a string (server-rendered React, email HTML, the SVG badge)
 * without a browser. The renderers under test escape every `<`, `>`, `"` and `&` of the text
 * they are given, so each `<…>` left in their output is a tag they wrote on purpose: one that is
 * not on the renderer's own list, or an attribute not on it, or a URL with a scheme that runs,
 * can only have come from the text.
 */

export type TMarkupAllowlist = { tags: readonly string[]; attributes: readonly string[] };

const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "data", "poster"]);
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
// React separates adjacent text nodes with an empty comment; nothing else may be a comment.
const ALLOWED_SPECIALS = new Set(["!-- --", "!doctype html"]);

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== "#") return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const codePoint = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return String.fromCodePoint(codePoint);
  });
}

/** What a browser would take as the URL's scheme: it ignores ASCII whitespace and control characters. */
export function schemeOf(url: string): string | null {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase() ?? null;
}

/** Every way `markup` could run code or load something, as readable problems ([] when inert). */
export function activeMarkupIn(markup: string, allowed: TMarkupAllowlist): string[] {
  const problems: string[] = [];
  for (const [whole, inside] of markup.matchAll(/<([^>]*)>/g)) {
    if (inside!.startsWith("!") || inside!.startsWith("?")) {
      if (!ALLOWED_SPECIALS.has(inside!.toLowerCase())) problems.push(`declaration ${whole}`);
      continue;
    }
    const tag = /^\/?([a-zA-Z][\w:-]*)/.exec(inside!)?.[1];
    if (!tag || !allowed.tags.includes(tag.toLowerCase())) {
      problems.push(`tag ${whole}`);
      continue;
    }
    for (const [, name, value] of inside!.slice(tag.length).matchAll(/\s([^\s="'/>]+)(?:="([^"]*)")?/g)) {
      const attribute = name!.toLowerCase();
      if (!allowed.attributes.includes(attribute)) problems.push(`attribute ${attribute} in ${whole}`);
      const scheme = URL_ATTRIBUTES.has(attribute) && value !== undefined ? schemeOf(decodeEntities(value)) : null;
      if (scheme && !SAFE_SCHEMES.has(scheme)) problems.push(`${scheme}: URL in ${whole}`);
    }
  }
  return problems;
}

/** The text a reader sees in `markup`: tags removed, entities decoded. */
export const textOfMarkup = (markup: string) => decodeEntities(markup.replace(/<[^>]*>/g, ""));
