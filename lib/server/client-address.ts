import "server-only";

/**
 * The client's IP as the nearest proxy saw it. `next start` behind a load balancer receives it
 * in X-Forwarded-For; the last entry is the one our own proxy appended (earlier entries are
 * whatever the client claimed, so trusting the first would let anyone dodge rate limits).
 */
export function clientAddressFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? headers.get("x-real-ip") ?? "unknown";
}
