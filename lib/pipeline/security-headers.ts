/**
 * Headers every response carries, set by the production server before any handler runs (so the
 * count fast path and every Next route get them alike).
 *
 * The Content-Security-Policy set here up front allows nothing at all (`default-src 'none'`):
 * right for JSON and the count. A response that may be a page (`mayBePage`) gets `pagePolicy(nonce)`
 * instead, with the nonce of that one response (see lib/pipeline/script-nonces.ts): scripts
 * run only when they carry it, so no `unsafe-inline`, and scripts those load are trusted in
 * turn (`strict-dynamic`), which is how Next loads its chunks. The embeddable badge keeps a
 * policy of its own that lets any site frame it.
 */
export type TSecurityHeaders = {
  /**
   * The headers for a path, HSTS among them when a trusted proxy saw https (`overHttps`): one of
   * four lists built once per process, so a caller may also cache what it derives from one.
   */
  forPath(pathname: string, overHttps?: boolean): TSecurityHeaderList;
  /** The policy for a page whose scripts carry `nonce`. */
  pagePolicy(nonce: string): string;
  /** The policy for a page served without any script (Next's build-time 404, see scriptless-not-found.ts). */
  scriptlessPagePolicy(): string;
};

export type TSecurityHeaderList = readonly (readonly [string, string])[];

export function createSecurityHeaders(options: { https: boolean }): TSecurityHeaders {
  const list = (embeddable: boolean, https: boolean): TSecurityHeaderList => Object.entries(headersFor(embeddable, { https }));
  const framed = list(false, options.https);
  const embeddable = list(true, options.https);
  const framedOverHttps = list(false, true);
  const embeddableOverHttps = list(true, true);
  // Styles stay inline-capable: React writes `style` attributes, and a style cannot run code.
  const pageDirectives = [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    forPath: (pathname, overHttps = false) => (isEmbeddable(pathname) ? (overHttps ? embeddableOverHttps : embeddable) : overHttps ? framedOverHttps : framed),
    pagePolicy: (nonce) => `script-src 'nonce-${nonce}' 'strict-dynamic'; ${pageDirectives}`,
    scriptlessPagePolicy: () => `script-src 'none'; ${pageDirectives}`,
  };
}

/**
 * Whether a path's response may be a page, and so gets `pagePolicy` and a nonce. The JSON API
 * (everything under /api/ but Auth.js, which can render a page) and the feeds keep `default-src 'none'`, and
 * the badge its own policy; neither pays for a nonce.
 */
export function mayBePage(pathname: string): boolean {
  return !isEmbeddable(pathname) && !isFeed(pathname) && (!pathname.startsWith("/api/") || pathname.startsWith("/api/auth/"));
}

/** Atom feeds and calendars are data for readers and calendar apps: nothing in them may run. */
function isFeed(pathname: string): boolean {
  return pathname === "/feed.xml" || /^\/letters\/[a-z0-9-]+\/(feed\.xml|calendar\.ics)$/.test(pathname);
}

/** The count badge is meant to be embedded anywhere. */
function isEmbeddable(pathname: string): boolean {
  return /^\/letters\/[a-z0-9-]+\/badge\.svg$/.test(pathname);
}

/**
 * The count badge's policy (also set by its route handler). An SVG opened on its own is a
 * document that could run script; the badge needs only its styles. It is made to be embedded
 * anywhere, in an <img> (which no framing rule concerns) or an <iframe>: so every site may frame
 * it (`frame-ancestors *`), on purpose and said so rather than left unsaid. It holds no button
 * or link that framing could trick anyone into pressing.
 */
export const BADGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *";

/**
 * HTTPS only, for two years, subdomains too. Sent when APP_URL is https, and on a response whose
 * request a trusted proxy says came over HTTPS (lib/pipeline/forwarded-proto.ts).
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

function headersFor(embeddable: boolean, options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // A letter's address, or a confirm link's token, must not travel to the sites it links to.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": embeddable ? BADGE_CONTENT_SECURITY_POLICY : "default-src 'none'; frame-ancestors 'none'",
    ...(embeddable ? {} : { "X-Frame-Options": "DENY" }),
    // Only where the app is served over HTTPS: on plain http a browser ignores it anyway, and
    // a developer's localhost must not be pinned to HTTPS for two years.
    ...(options.https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}
