/**
 * Headers every response carries, set by the production server before any handler runs (so the
 * count fast path and every Next route get them alike). The Content-Security-Policy here only
 * forbids framing; a script policy is separate work (it needs nonces, which cached pages cannot
 * carry).
 */
export function securityHeadersFor(pathname: string, options: { https: boolean }): Record<string, string> {
  return headersFor(isEmbeddable(pathname), options);
}

/**
 * The same headers as ready-made lists, built once: the production server sets them on every
 * request, the count's fast path included, so they are not rebuilt per request.
 */
export function securityHeaderLists(options: { https: boolean }): (pathname: string) => readonly (readonly [string, string])[] {
  const framed = Object.entries(headersFor(false, options));
  const embeddable = Object.entries(headersFor(true, options));
  return (pathname) => (isEmbeddable(pathname) ? embeddable : framed);
}

/** The count badge is meant to be embedded anywhere. */
function isEmbeddable(pathname: string): boolean {
  return /^\/letters\/[a-z0-9-]+\/badge\.svg$/.test(pathname);
}

function headersFor(embeddable: boolean, options: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // A letter's address, or a confirm link's token, must not travel to the sites it links to.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(embeddable ? {} : { "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'" }),
    // Only where the app is served over HTTPS: on plain http a browser ignores it anyway, and
    // a developer's localhost must not be pinned to HTTPS for two years.
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
