import type { IncomingHttpHeaders } from "node:http";
import type { TAppErrorCode } from "@/lib/errors/app-error";

/**
 * Refusals made before a request reaches any handler (the production server applies them), so
 * that no route can forget them: state changes from other websites, and bodies too large.
 *
 * Cross-site: a browser names the page a request came from in `Origin` (or, failing that,
 * `Sec-Fetch-Site`). A state change whose origin is not this site is refused: that is what
 * would let another site act with a signed-in organiser's cookies. Requests with neither header
 * come from tools, not browsers, and carry no cookies but their owner's. The one deliberate
 * exception is the public signing endpoint, which any site may post to: it needs no session,
 * every signature must still be confirmed from the signer's inbox, and it is rate-limited.
 *
 * Size: the limit is read from `Content-Length` before a byte of the body is read. A body
 * without one (chunked) is refused for state changes: browsers always send a length, and a
 * chunked body could only be measured by reading it.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const OPEN_TO_OTHER_SITES = /^\/api\/v1\/letters\/[^/]+\/signatures\/?$/;

/** The JSON API takes small objects (a name, an address, a comment); its parser is lib/adapters/json-body.ts. */
export const API_BODY_LIMIT_BYTES = 16 * 1024;
/** Pages' forms: the largest is a letter draft (20,000 characters of body, 20 demands), encoded. */
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;

export type TGuardedRequest = { method: string; pathname: string; headers: IncomingHttpHeaders };

export function refusalFor(request: TGuardedRequest, appUrl: string): TAppErrorCode | undefined {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
  if (!OPEN_TO_OTHER_SITES.test(request.pathname) && isCrossSite(request.headers, appUrl)) return "CROSS_SITE_REQUEST";
  return sizeRefusal(request);
}

function isCrossSite(headers: TGuardedRequest["headers"], appUrl: string): boolean {
  const origin = headers.origin;
  if (origin === undefined) return ["cross-site", "same-site"].includes(String(headers["sec-fetch-site"]));
  // The site's own host, as configured or as this request reached it (a browser sets Host to
  // the server it talks to; another site cannot choose it), compared as Next compares them.
  const ownHosts = [hostOf(appUrl), headers.host?.toLowerCase()];
  const originHost = hostOf(origin);
  return originHost === undefined || !ownHosts.includes(originHost);
}

function sizeRefusal(request: TGuardedRequest): TAppErrorCode | undefined {
  const length = request.headers["content-length"];
  if (length === undefined) return request.headers["transfer-encoding"] ? "LENGTH_REQUIRED" : undefined;
  const limit = request.pathname.startsWith("/api/") ? API_BODY_LIMIT_BYTES : FORM_BODY_LIMIT_BYTES;
  return !/^\d+$/.test(length) || Number(length) > limit ? "PAYLOAD_TOO_LARGE" : undefined;
}

/** `host[:port]`, lower-cased, of a URL or an Origin; undefined for "null" or garbage. */
function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).host.toLowerCase();
    return host || undefined;
  } catch {
    return undefined;
  }
}
