import { domainToASCII } from "node:url";

/** Who may sign a letter: any verified address, or addresses at the listed domains. */
export type TDomainPolicy = {
  openToAnyDomain: boolean;
  rules: { domain: string; includeSubdomains: boolean }[];
};

// Checked on the input before IDNA conversion: the URL host parser that `domainToASCII` implements
// percent-decodes and reads IPv4 shorthands, so `ex%41.com` would quietly become `exa.com`.
// Non-ASCII is let through for internationalised domains; IDNA decides whether it is valid.
const ASCII_OUTSIDE_HOSTNAME = /[^a-zA-Z0-9.\-\u{80}-\u{10FFFF}]/u;
const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const ALL_DIGITS = /^[0-9]+$/;

/**
 * A domain name as it is compared and stored: lower-case ASCII, internationalised labels in
 * punycode, no trailing dot. Strict: no trimming or prefixes, so it can vet the part of an email
 * address after the @. Null for anything that is not a public-looking host name.
 *
 * IDNA mapping folds compatibility forms (full-width letters, `ᴹ`) into their plain letters.
 * That is not a lookalike hole: the folded name is the domain mail is actually delivered to,
 * and every comparison and every email uses the folded form. Real homoglyphs (Cyrillic `о`)
 * are not folded and come out as a different punycode name.
 */
export function parseDomainName(input: string): string | null {
  if (input.length === 0 || input.length > 1024 || ASCII_OUTSIDE_HOSTNAME.test(input)) return null;
  const ascii = domainToASCII(input);
  if (ascii === "") return null;
  // After conversion, so that an ideographic full stop (`。`) at the end counts as the root dot.
  const name = ascii.endsWith(".") ? ascii.slice(0, -1) : ascii;
  if (name.length > 253) return null;
  const labels = name.split(".");
  const tld = labels.at(-1) ?? "";
  // A single label is an intranet host, and a numeric last label is an IP address, not a domain.
  if (labels.length < 2 || ALL_DIGITS.test(tld)) return null;
  return labels.every((label) => LDH_LABEL.test(label)) ? name : null;
}

/**
 * Forgiving about what organisers paste when writing a rule (`@Microsoft.com`, `*.github.com`),
 * then as strict as parseDomainName.
 */
export function normaliseDomain(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  const unprefixed = trimmed.startsWith("@") ? trimmed.slice(1) : trimmed.startsWith("*.") ? trimmed.slice(2) : trimmed;
  return parseDomainName(unprefixed);
}

/** Rules normalised, invalid ones dropped, and one entry per domain (the broader one wins). */
function normalisedRules(policy: TDomainPolicy): { domain: string; includeSubdomains: boolean }[] {
  const byDomain = new Map<string, boolean>();
  for (const rule of policy.rules) {
    const domain = normaliseDomain(rule.domain);
    if (domain !== null) byDomain.set(domain, (byDomain.get(domain) ?? false) || rule.includeSubdomains);
  }
  return [...byDomain].map(([domain, includeSubdomains]) => ({ domain, includeSubdomains }));
}

/**
 * Whether an address at `domain` may sign. The signer's domain is parsed strictly: `*.x.com`
 * is a rule, never an address. Subdomains match on a label boundary only, so a rule for
 * `microsoft.com` never admits `evilmicrosoft.com` or `microsoft.com.evil.io`.
 */
export function isDomainAllowed(domain: string, policy: TDomainPolicy): boolean {
  const candidate = parseDomainName(domain);
  if (candidate === null) return false;
  if (policy.openToAnyDomain) return true;
  return normalisedRules(policy).some((rule) => candidate === rule.domain || (rule.includeSubdomains && candidate.endsWith(`.${rule.domain}`)));
}

/** "@microsoft.com or @github.com (and its subdomains)", for the letter page and error messages. */
export function describeAllowedDomains(policy: TDomainPolicy): string {
  if (policy.openToAnyDomain) return "any verified email address";
  const parts = normalisedRules(policy).map((rule) => `@${rule.domain}${rule.includeSubdomains ? " (and its subdomains)" : ""}`);
  const last = parts.pop();
  if (last === undefined) return "no email address yet";
  return parts.length === 0 ? last : `${parts.join(", ")} or ${last}`;
}
