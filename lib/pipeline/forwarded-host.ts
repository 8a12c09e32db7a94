import type { IncomingHttpHeaders } from "node:http";

/**
 * Removes `X-Forwarded-Host` from a request that no proxy of ours forwarded (no trusted hops):
 * it is then only the client's claim about which site it asked for. Next trusts it over `Host`
 * when it checks that a server action's `Origin` is this site, and answers a mismatch with a
 * bare 500 ("Invalid Server Actions request"), so anyone could make a form post fail as if the
 * server had. Behind trusted proxies the header is theirs to set, and is left alone.
 */
export function dropUntrustedForwardedHost(headers: IncomingHttpHeaders, trustedHops: number): void {
  if (trustedHops === 0) delete headers["x-forwarded-host"];
}
