import type { IncomingMessage, ServerResponse } from "node:http";
import { serveCountFromMemory, type TCountPeek } from "./count-fast-path";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "./client-address";
import { dropUntrustedForwardedHost } from "./forwarded-host";
import { forwardedOverHttps } from "./forwarded-proto";
import { serveHotPost, type THotPostHandlers } from "./hot-post-fast-path";
import { substituteNonceInHtml } from "./nonce-response";
import type { TPageCache } from "./page-cache";
import { handleWithOutageStatus } from "./page-outage-status";
import { refuseBrokenPathEscape } from "./refuse-broken-path-escape";
import { refusalFor } from "./request-guard";
import { freshNonce } from "./script-nonces";
import { serveNotFoundWithoutScripts } from "./scriptless-not-found";
import { mayBePage, type TSecurityHeaders } from "./security-headers";
import { writeAppError } from "./write-app-error";

/**
 * What runs in front of Next, in this order, for every request the production server takes
 * (scripts/production-server.ts; `npm run dev` runs none of it, README "The request pipeline in
 * front of Next" says what that skips). Each step is a module of this folder:
 *
 * 1. Security headers for the path, and HSTS if a trusted proxy saw https: decided first, so that
 *    every answer below carries them, refusals included (security-headers.ts, forwarded-proto.ts).
 * 2. The count fast path: GET …/count from memory, before any further work, because every open
 *    page and embed polls it; it writes the security headers with its own in one go, and every
 *    other answer finds them set on the response (count-fast-path.ts).
 * 3. A broken %-escape in the path: 400 before Next, which cannot decode it; after the count,
 *    whose path holds no escape at all (refuse-broken-path-escape.ts).
 * 4. Refusals: state changes from other sites, oversized or chunked bodies, from the headers
 *    alone; the connection closes, so the body is never read (request-guard.ts).
 * 5. The client's address from the TCP peer and the trusted hops, over any header the client
 *    sent (rate limits key on it), and an untrusted X-Forwarded-Host dropped: after the
 *    refusals, which need neither, before anything that rate-limits (client-address.ts, forwarded-host.ts).
 * 6. The hot POSTs: signatures and confirmations, with the route handlers' own functions,
 *    without Next's route pipeline (hot-post-fast-path.ts).
 * 7. Pages' nonces: Next renders with a secret placeholder, the response gets a fresh nonce;
 *    compression is installed first so it compresses the swapped bytes; the build-time 404,
 *    which has no nonce, is served without scripts (script-nonces.ts, nonce-response.ts, scriptless-not-found.ts).
 *    Then a public page Next served from its cache within the last second is replayed from
 *    memory, through those same wrappers, or Next's answer is watched to be held (page-cache.ts).
 * 8. Next's handler, a page failing for a database outage answered 503 rather than 500 (page-outage-status.ts).
 */
export type TRequestPipelineOptions = {
  /** Where links lead: a state change must come from this origin (request-guard.ts). */
  appUrl: string;
  trustedProxyHops: number;
  securityHeaders: TSecurityHeaders;
  /** The secret nonce Next renders with, swapped for a fresh one in each response. */
  noncePlaceholder: string;
  /** The process's in-memory counts, once Next's bundle has created them. */
  peekCounts: () => TCountPeek | undefined;
  /** The hot POSTs' handlers, once Next's bundle has registered them. */
  hotPosts: () => THotPostHandlers | undefined;
  /** Public pages held for a second in front of Next; none when absent. */
  pageCache?: TPageCache;
  /** Installs response compression (Next's own is off: it would compress before the swap). */
  compress: (request: IncomingMessage, response: ServerResponse) => void;
  /** Next's request handler. */
  next: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
};

export function createRequestPipeline(options: TRequestPipelineOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { appUrl, trustedProxyHops, securityHeaders, noncePlaceholder } = options;
  return (request, response) => {
    const pathname = (request.url ?? "/").split("?", 1)[0] ?? "/";
    // 1
    const security = securityHeaders.forPath(pathname, forwardedOverHttps(request.headers, trustedProxyHops));
    // 2
    if (serveCountFromMemory(request, response, options.peekCounts(), security)) return;
    for (const [name, value] of security) response.setHeader(name, value);
    // 3
    if (refuseBrokenPathEscape(request, response)) return;
    // 4
    const refusal = refusalFor({ method: request.method ?? "GET", pathname, headers: request.headers }, appUrl);
    if (refusal) return writeAppError(response, refusal, { Connection: "close" });
    // 5
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxyHops);
    dropUntrustedForwardedHost(request.headers, trustedProxyHops);
    // 6
    if (serveHotPost(request, response, options.hotPosts())) return;
    // 7: Next reads the placeholder from this request header and renders (or has cached) every
    // page with it; the response carries a fresh nonce in its place.
    request.headers["content-security-policy"] = `script-src 'nonce-${noncePlaceholder}'`;
    options.compress(request, response);
    if (mayBePage(pathname)) {
      const nonce = freshNonce();
      response.setHeader("Content-Security-Policy", securityHeaders.pagePolicy(nonce));
      substituteNonceInHtml(response, noncePlaceholder, nonce);
      serveNotFoundWithoutScripts(response, { placeholder: noncePlaceholder, policy: securityHeaders.scriptlessPagePolicy() });
      // Installed last, so that it holds Next's own bytes and a replay passes every wrapper above.
      if (options.pageCache?.serve(request, response)) return;
      options.pageCache?.capture(request, response);
    }
    // 8
    handleWithOutageStatus(response, () => void options.next(request, response));
  };
}
