import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

/**
 * The rate-limit key of a client address. Raw addresses are personal data and are never stored:
 * the key is an HMAC under a salt derived from `secret` and the UTC date, so it changes every
 * day and keys from different days cannot be linked, nor reversed by hashing all IPv4 addresses
 * without the secret. (A client's count restarts at midnight UTC: at most one extra minute's
 * allowance.)
 *
 * IPv6 clients are keyed by their /64 network: one subscriber usually holds a whole /64, and
 * could otherwise take a fresh address for every request. An IPv4-mapped IPv6 address counts as
 * the IPv4 address it carries.
 */
export function hashClientIp(ip: string, secret: string, now: Date): string {
  const utcDay = now.toISOString().slice(0, 10);
  const daySalt = createHmac("sha256", secret).update(`undersigned:client-ip-salt:${utcDay}`, "utf8").digest();
  return createHmac("sha256", daySalt).update(clientIpSubject(ip), "utf8").digest("hex");
}

/** What a client address is limited as: itself for IPv4, its /64 network for IPv6. */
export function clientIpSubject(ip: string): string {
  const trimmed = ip.trim();
  if (isIPv4(trimmed)) return trimmed;
  // A zone (`fe80::1%eth0`) names the local interface, not the client.
  const address = trimmed.split("%", 1)[0] ?? "";
  if (!isIPv6(address)) {
    // Not an address (a proxy that sent none, say): still a stable, hashed key, never raw.
    return trimmed.toLowerCase();
  }
  const hextets = ipv6Hextets(address);
  const [h0, h1, h2, h3, h4, h5, h6 = 0, h7 = 0] = hextets;
  if (h0 === 0 && h1 === 0 && h2 === 0 && h3 === 0 && h4 === 0 && h5 === 0xffff) {
    return [h6 >> 8, h6 & 0xff, h7 >> 8, h7 & 0xff].join(".");
  }
  return `${hextets
    .slice(0, 4)
    .map((hextet) => hextet.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address. */
function ipv6Hextets(address: string): number[] {
  // The URL parser canonicalises IPv6 (lower case, dotted IPv4 tails in hex, one `::`), which
  // leaves only the `::` to expand.
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const [head = "", tail] = canonical.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = Array.from({ length: 8 - headGroups.length - tailGroups.length }, () => "0");
  return [...headGroups, ...zeros, ...tailGroups].map((group) => Number.parseInt(group, 16));
}

/** The per-minute limit configured for this client of its own (RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS), if any. */
export function clientLimitException(ip: string, exceptions: readonly { address: string; perMinute: number }[]): number | undefined {
  if (exceptions.length === 0) return undefined;
  const subject = clientIpSubject(ip);
  return exceptions.find((exception) => clientIpSubject(exception.address) === subject)?.perMinute;
}
