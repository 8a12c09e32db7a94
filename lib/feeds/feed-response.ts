import { createHash } from "node:crypto";
import { CACHE_CONTROL } from "@/lib/adapters/api-answer";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
export const ICALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/**
 * A feed or calendar as a public response: cached like the pages (a CDN keeps it seconds and
 * serves it stale while refreshing), open to other origins (web feed readers fetch from the
 * browser), and with an ETag, so the many readers that poll on a timer with `If-None-Match` get
 * a bodiless 304 while nothing changed. The ETag is the body's hash: the body is the same for
 * everyone, and any change to it, including a removed update, changes it.
 */
export function feedResponse(request: Request, body: string, contentType: string, options: { filename?: string; noindex?: boolean } = {}): Response {
  const { filename, noindex } = options;
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "Cache-Control": CACHE_CONTROL.standard,
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
    ...(filename ? { "Content-Disposition": `inline; filename="${filename}"` } : {}),
    // An unlisted letter's feed and calendar (quiet launch): for whoever has the link, not search engines.
    ...(noindex ? { "X-Robots-Tag": "noindex" } : {}),
  };
  if (matchesETag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}

/** RFC 9110 §13.1.2: a list of tags, or `*`; compared weakly (a compressing proxy may add `W/`). */
function matchesETag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
