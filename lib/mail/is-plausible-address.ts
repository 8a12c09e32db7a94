import { parseDomainName } from "@/lib/letters/domain-policy";

// A dot-atom of RFC 5322 `atext`: no spaces, quotes, commas, angle brackets or line breaks, so
// the address cannot smuggle a second recipient or a header into the message it is written to.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Checked before the domain parser, which forgives some of these while converting to ASCII.
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Z}]/u;
const MAX_LOCAL_PART = 64;
const MAX_ADDRESS = 254;

/**
 * Whether `value` is one bare mailbox (`name@example.com`) that is safe to put in a `To` header.
 * Not a full vetting (signers' addresses are vetted where they are typed): a last line of
 * defence at the outbox, which also carries addresses that did not come from the signing form.
 */
export function isPlausibleAddress(value: string): boolean {
  if (value.length > MAX_ADDRESS) return false;
  const parts = value.split("@");
  if (parts.length !== 2) return false;
  const [localPart = "", domain = ""] = parts;
  if (localPart.length > MAX_LOCAL_PART || !LOCAL_PART.test(localPart)) return false;
  return !INVISIBLE_OR_CONTROL.test(domain) && parseDomainName(domain) !== null;
}
