import { describe, expect, it } from "vitest";
import { describeAllowedDomains, isDomainAllowed, normaliseDomain, type TDomainPolicy } from "./domain-policy";

const only = (...rules: [string, boolean][]): TDomainPolicy => ({
  openToAnyDomain: false,
  rules: rules.map(([domain, includeSubdomains]) => ({ domain, includeSubdomains })),
});
const microsoft = only(["microsoft.com", false]);
const microsoftAndSubdomains = only(["microsoft.com", true]);
const anyDomain: TDomainPolicy = { openToAnyDomain: true, rules: [] };

describe("isDomainAllowed", () => {
  it.each<[string, string, TDomainPolicy, boolean]>([
    ["the exact domain", "microsoft.com", microsoft, true],
    ["the exact domain in capitals", "MICROSOFT.COM", microsoft, true],
    ["the exact domain with the root dot", "microsoft.com.", microsoft, true],
    ["a subdomain when only the exact domain is listed", "europe.microsoft.com", microsoft, false],
    ["a subdomain when subdomains are included", "europe.microsoft.com", microsoftAndSubdomains, true],
    ["a deep subdomain when subdomains are included", "mail.europe.microsoft.com", microsoftAndSubdomains, true],
    ["the domain itself when subdomains are included", "microsoft.com", microsoftAndSubdomains, true],
    ["a name merely ending in the domain", "evilmicrosoft.com", microsoftAndSubdomains, false],
    ["another top-level domain", "microsoft.co", microsoftAndSubdomains, false],
    ["an rn-for-m lookalike", "rnicrosoft.com", microsoftAndSubdomains, false],
    ["the domain as a prefix of another", "microsoft.com.evil.io", microsoftAndSubdomains, false],
    ["the domain as a prefix, exact rule", "microsoft.com.evil.io", microsoft, false],
    ["a Cyrillic о lookalike", "micr\u043esoft.com", microsoftAndSubdomains, false],
    ["a Cyrillic lookalike already in punycode", "xn--micrsoft-qbh.com", microsoftAndSubdomains, false],
    ["two trailing dots", "microsoft.com..", microsoft, false],
    ["a leading dot", ".microsoft.com", microsoftAndSubdomains, false],
    ["a wildcard as the signer's domain", "*.microsoft.com", microsoftAndSubdomains, false],
    ["an @ before the signer's domain", "@microsoft.com", microsoft, false],
    ["a rule stored in capitals", "microsoft.com", only(["Microsoft.COM", false]), true],
    ["a rule stored with an @", "microsoft.com", only(["@microsoft.com", false]), true],
    ["a rule stored with the root dot", "microsoft.com", only(["microsoft.com.", false]), true],
    ["a rule stored as a wildcard", "europe.microsoft.com", only(["*.microsoft.com", true]), true],
    ["punycode against a Unicode rule", "xn--bcher-kva.example", only(["bücher.example", false]), true],
    ["Unicode against a punycode rule", "bücher.example", only(["xn--bcher-kva.example", false]), true],
    ["Unicode in capitals", "BÜCHER.example", only(["bücher.example", false]), true],
    ["the accent-stripped lookalike of an IDN", "bucher.example", only(["bücher.example", true]), false],
    ["a subdomain of an IDN", "shop.bücher.example", only(["xn--bcher-kva.example", true]), true],
    // IDNA folds full-width letters to ASCII; the folded name is where the mail is delivered.
    ["full-width letters of the real domain", "ｍｉｃｒｏｓｏｆｔ.com", microsoft, true],
    ["the second of two rules", "github.com", only(["microsoft.com", false], ["github.com", false]), true],
    ["neither of two rules", "gitlab.com", only(["microsoft.com", false], ["github.com", false]), false],
    ["a rule for a whole top-level domain", "microsoft.com", only(["com", true]), false],
    ["no rules at all", "microsoft.com", only(), false],
    ["any domain on an open letter", "example.org", anyDomain, true],
    ["a single-label host on an open letter", "localhost", anyDomain, false],
    ["an IP address on an open letter", "192.168.0.1", anyDomain, false],
    ["an empty domain on an open letter", "", anyDomain, false],
  ])("%s: %s", (_case, domain, policy, expected) => {
    expect(isDomainAllowed(domain, policy)).toBe(expected);
  });
});

describe("normaliseDomain", () => {
  it.each([
    ["  @Microsoft.COM. ", "microsoft.com"],
    ["*.github.com", "github.com"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["XN--BCHER-KVA.example", "xn--bcher-kva.example"],
    ["пример.рф", "xn--e1afmkfd.xn--p1ai"],
    ["example.com\u3002", "example.com"],
    [`${"a".repeat(63)}.com`, `${"a".repeat(63)}.com`],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["a single label", "localhost"],
    ["an IP address", "1.2.3.4"],
    ["an IPv4 shorthand", "0x7f.1"],
    ["an IP literal", "[1.2.3.4]"],
    ["consecutive dots", "a..b.com"],
    ["a leading hyphen in a label", "-a.com"],
    ["a trailing hyphen in a label", "a-.com"],
    ["a label over 63 characters", `${"a".repeat(64)}.com`],
    ["a name over 253 characters", `${"a.".repeat(127)}com`],
    ["an underscore", "micro_soft.com"],
    ["percent-encoding", "ex%41.com"],
    ["invalid punycode", "xn--zz.com"],
    ["a URL", "https://microsoft.com"],
    ["a path", "microsoft.com/admin"],
    ["a port", "microsoft.com:25"],
    ["a space inside", "micro soft.com"],
    ["a double wildcard", "*.*.microsoft.com"],
    ["an email address", "jane@microsoft.com"],
  ])("refuses %s: %j", (_reason, input) => {
    expect(normaliseDomain(input)).toBeNull();
  });
});

describe("describeAllowedDomains", () => {
  it.each<[TDomainPolicy, string]>([
    [microsoft, "@microsoft.com"],
    [only(["Microsoft.com", false], ["github.com", false]), "@microsoft.com or @github.com"],
    [only(["a.com", false], ["b.com", true], ["c.com", false]), "@a.com, @b.com (and its subdomains) or @c.com"],
    [microsoftAndSubdomains, "@microsoft.com (and its subdomains)"],
    [only(["microsoft.com", false], ["MICROSOFT.com", true]), "@microsoft.com (and its subdomains)"],
    [only(["bücher.example", false]), "@xn--bcher-kva.example"],
    [{ openToAnyDomain: true, rules: [{ domain: "microsoft.com", includeSubdomains: false }] }, "any verified email address"],
    [only(), "no email address yet"],
    [only(["not a domain", false]), "no email address yet"],
  ])("describes %j as %j", (policy, expected) => {
    expect(describeAllowedDomains(policy)).toBe(expected);
  });
});
