import type { IncomingHttpHeaders } from "node:http";

/**
 * Whether a request reached our first proxy over HTTPS, by its `X-Forwarded-Proto`: behind a
 * load balancer that ends TLS, the app itself only ever sees plain HTTP. Read only when there
 * are trusted proxies (`TRUSTED_PROXY_HOPS` ≥ 1): without one, the header is whatever the client
 * wrote. Proxies either set the header or append to it, so the last entry is the nearest
 * proxy's, which we trust.
 *
 * Used for HSTS alone, where a wrong answer costs nothing: a browser ignores
 * `Strict-Transport-Security` on a response that did not come over HTTPS (RFC 6797, 8.1).
 */
export function forwardedOverHttps(headers: IncomingHttpHeaders, trustedHops: number): boolean {
  if (trustedHops < 1) return false;
  const header = headers["x-forwarded-proto"];
  const value = Array.isArray(header) ? header.at(-1) : header;
  return value?.split(",").at(-1)?.trim().toLowerCase() === "https";
}
