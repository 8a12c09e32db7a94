import { describe, expect, it } from "vitest";
import { isDomainAllowed, type TDomainPolicy } from "@/lib/letters/domain-policy";
import { parseSignerEmail, ZSignerEmail } from "./parse-signer-email";

const parsed = (raw: string) => {
  const result = parseSignerEmail(raw);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse`);
  return result.value;
};

// 64 + 1 + 189 = 254 characters, the longest address allowed.
const LONGEST_DOMAIN = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(57)}.com`;

describe("parseSignerEmail", () => {
  it.each([
    ["Jane.Doe+petition@Microsoft.com", "Jane.Doe+petition@microsoft.com", "jane.doe@microsoft.com", "microsoft.com"],
    ["  jane@microsoft.com  ", "jane@microsoft.com", "jane@microsoft.com", "microsoft.com"],
    ["JANE@MICROSOFT.COM", "JANE@microsoft.com", "jane@microsoft.com", "microsoft.com"],
    ["jane@microsoft.com.", "jane@microsoft.com", "jane@microsoft.com", "microsoft.com"],
    ["jane+@microsoft.com", "jane+@microsoft.com", "jane@microsoft.com", "microsoft.com"],
    ["jane+a+b@microsoft.com", "jane+a+b@microsoft.com", "jane@microsoft.com", "microsoft.com"],
    ["jane@bücher.example", "jane@xn--bcher-kva.example", "jane@xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["Jane@BÜCHER.example", "Jane@xn--bcher-kva.example", "jane@xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["ivan@пример.рф", "ivan@xn--e1afmkfd.xn--p1ai", "ivan@xn--e1afmkfd.xn--p1ai", "xn--e1afmkfd.xn--p1ai"],
    ["o'brien@company.ie", "o'brien@company.ie", "o'brien@company.ie", "company.ie"],
    ["first_last-2@eu.company.com", "first_last-2@eu.company.com", "first_last-2@eu.company.com", "eu.company.com"],
    [`${"j".repeat(64)}@${LONGEST_DOMAIN}`, `${"j".repeat(64)}@${LONGEST_DOMAIN}`, `${"j".repeat(64)}@${LONGEST_DOMAIN}`, LONGEST_DOMAIN],
  ])("parses %j", (raw, address, dedupeForm, domain) => {
    expect(parseSignerEmail(raw)).toEqual({ ok: true, value: { address, dedupeForm, domain } });
  });

  it("keeps dots significant when deduplicating", () => {
    expect(parsed("jane.doe@microsoft.com").dedupeForm).not.toBe(parsed("janedoe@microsoft.com").dedupeForm);
  });

  it("deduplicates the Unicode and punycode spellings of one domain together", () => {
    expect(parsed("Jane+x@bücher.example").dedupeForm).toBe(parsed("jane@XN--BCHER-KVA.example").dedupeForm);
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["no @", "jane.microsoft.com"],
    ["two @", "jane@doe@microsoft.com"],
    ["a full-width @ only", "jane＠microsoft.com"],
    ["an empty local part", "@microsoft.com"],
    ["an empty domain", "jane@"],
    ["a local part that is only a +tag", "+petition@microsoft.com"],
    ["a space inside", "jane doe@microsoft.com"],
    ["a no-break space inside", "jane\u00a0doe@microsoft.com"],
    ["a header injection", "jane@microsoft.com\r\nBcc: everyone@evil.io"],
    ["a trailing line feed", "jane@microsoft.com\n"],
    ["a leading tab", "\tjane@microsoft.com"],
    ["a NUL", "jane\u0000@microsoft.com"],
    ["a zero-width space", "ja\u200bne@microsoft.com"],
    ["a right-to-left override", "jane@\u202emicrosoft.com"],
    ["a quoted local part", '"jane"@microsoft.com'],
    ["a quoted local part with a space", '"jane doe"@microsoft.com'],
    ["source routing with %", "victim%evil.io@microsoft.com"],
    ["a non-ASCII local part", "jürgen@microsoft.com"],
    ["a leading dot in the local part", ".jane@microsoft.com"],
    ["a trailing dot in the local part", "jane.@microsoft.com"],
    ["consecutive dots in the local part", "jane..doe@microsoft.com"],
    ["a leading dot in the domain", "jane@.microsoft.com"],
    ["consecutive dots in the domain", "jane@microsoft..com"],
    ["two trailing dots", "jane@microsoft.com.."],
    ["an IP-literal domain", "jane@[1.2.3.4]"],
    ["an IPv6-literal domain", "jane@[IPv6:::1]"],
    ["a bare IP address", "jane@1.2.3.4"],
    ["a domain without a dot", "jane@localhost"],
    ["a domain label over 63 characters", `jane@${"a".repeat(64)}.com`],
    ["a local part over 64 characters", `${"j".repeat(65)}@microsoft.com`],
    ["an address over 254 characters", `${"j".repeat(64)}@${LONGEST_DOMAIN.replace(".com", "c.com")}`],
    ["invalid punycode", "jane@xn--zz.com"],
    ["percent-encoding in the domain", "jane@ex%41mple.com"],
    ["an underscore in the domain", "jane@micro_soft.com"],
    ["a wildcard domain", "jane@*.microsoft.com"],
  ])("refuses %s: %j", (_reason, raw) => {
    expect(parseSignerEmail(raw)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("a signer's address against a letter's domains", () => {
  const microsoft: TDomainPolicy = { openToAnyDomain: false, rules: [{ domain: "microsoft.com", includeSubdomains: false }] };
  const books: TDomainPolicy = { openToAnyDomain: false, rules: [{ domain: "bücher.example", includeSubdomains: true }] };

  it.each<[string, TDomainPolicy, boolean]>([
    ["Jane.Doe+petition@Microsoft.COM.", microsoft, true],
    ["jane+microsoft.com@evil.io", microsoft, false],
    ["jane@microsoft.com.evil.io", microsoft, false],
    ["jane@micr\u043esoft.com", microsoft, false],
    ["anna@Verlag.BÜCHER.example", books, true],
    ["anna@xn--bcher-kva.example", books, true],
    ["anna@bucher.example", books, false],
  ])("%j → %s", (raw, policy, expected) => {
    expect(isDomainAllowed(parsed(raw).domain, policy)).toBe(expected);
  });
});

describe("ZSignerEmail", () => {
  it("outputs the parsed forms", () => {
    expect(ZSignerEmail.parse(" Jane+x@Microsoft.com ")).toEqual({
      address: "Jane+x@microsoft.com",
      dedupeForm: "jane@microsoft.com",
      domain: "microsoft.com",
    });
  });

  it.each([["not an address"], [42], [undefined]])("explains what to enter for %j", (input) => {
    const result = ZSignerEmail.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Enter your work email address, like name@company.com."]);
  });
});
