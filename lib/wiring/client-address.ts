import "server-only";
import { CLIENT_ADDRESS_HEADER } from "@/lib/pipeline/client-address";

/**
 * The client's IP, as the production server resolved it from the TCP peer and the trusted part
 * of X-Forwarded-For (see lib/pipeline/client-address.ts and TRUSTED_PROXY_HOPS). Under
 * `next dev`, which has no such server, the last X-Forwarded-For entry stands in.
 */
export function clientAddressFrom(headers: Headers): string {
  const resolved = headers.get(CLIENT_ADDRESS_HEADER);
  if (resolved) return resolved;
  const forwarded = headers.get("x-forwarded-for");
  return (
    forwarded
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1) ?? "unknown"
  );
}
