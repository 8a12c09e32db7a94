import { isIP } from "node:net";

/** Where the production server puts the resolved address for the app, overwriting any client-sent value. */
export const CLIENT_ADDRESS_HEADER = "x-undersigned-client-address";

/**
 * The address of the client a request came from, given the TCP peer and X-Forwarded-For.
 *
 * Every proxy appends the address it received the request from, so the chain, read with the
 * peer at the end, is [what the client claimed…, proxy 1 saw, …, the peer]. Only the last
 * `trustedHops` + 1 entries were written by machines we run; anything earlier is whatever the
 * client sent, and trusting it would let anyone pick their own rate-limit key. With no proxy in
 * front (0 hops) the client is the peer itself; behind one load balancer (1 hop) it is the entry
 * that balancer appended.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer ?? "unknown"];
  const candidate = chain[Math.max(0, chain.length - 1 - trustedHops)] ?? "unknown";
  // A malformed entry from a proxy we trust is a misconfiguration; the peer is then the best we know.
  return isIP(candidate) ? candidate : (peer ?? "unknown");
}
