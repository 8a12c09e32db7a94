import { describe, expect, it } from "vitest";
import { foldSmallGroups, hasClosedDomainList, isSingleDomainLetter, publicDaily, showsAnonymousDomain } from "./small-groups";

const CLOSED = { closedList: true };
const OPEN = { closedList: false };

const group = (key: string, total: number) => ({ key, total });

describe("foldSmallGroups", () => {
  it("shows groups of at least min, largest first, and folds the others", () => {
    for (const options of [CLOSED, OPEN]) {
      expect(foldSmallGroups([group("tiny.example", 4), group("big.example", 6), group("huge.example", 30), group("small.example", 3)], 5, options)).toEqual({
        shown: [group("huge.example", 30), group("big.example", 6)],
        other: 7,
      });
    }
  });

  it("on a letter that names its domains, never leaves a rest smaller than min: the smallest shown group joins it", () => {
    // "big 6, huge 30, other 4" on a letter open to those three would tell tiny has 4.
    expect(foldSmallGroups([group("tiny.example", 4), group("big.example", 6), group("huge.example", 30)], 5, CLOSED)).toEqual({
      shown: [group("huge.example", 30)],
      other: 10,
    });
    expect(foldSmallGroups([group("a.example", 5), group("b.example", 1)], 5, CLOSED)).toEqual({ shown: [], other: 6 });
    // Open to any domain, the 4 could be anyone's.
    expect(foldSmallGroups([group("tiny.example", 4), group("big.example", 6)], 5, OPEN)).toEqual({ shown: [group("big.example", 6)], other: 4 });
  });

  it("folds everything on a letter smaller than min, drops empty groups, and shows everything with min 1", () => {
    expect(foldSmallGroups([group("a.example", 2), group("b.example", 1)], 5, OPEN)).toEqual({ shown: [], other: 3 });
    expect(foldSmallGroups([group("a.example", 0), group("b.example", -1)], 5, CLOSED)).toEqual({ shown: [], other: 0 });
    expect(foldSmallGroups([group("b.example", 1), group("a.example", 1)], 1, CLOSED)).toEqual({
      shown: [group("a.example", 1), group("b.example", 1)],
      other: 0,
    });
  });

  it("never shows a group below min, nor on a closed list a rest below min (exhaustive over small cases)", () => {
    for (const options of [CLOSED, OPEN]) {
      for (let a = 0; a <= 8; a++) {
        for (let b = 0; b <= 8; b++) {
          for (let c = 0; c <= 8; c++) {
            const { shown, other } = foldSmallGroups([group("a", a), group("b", b), group("c", c)], 5, options);
            for (const g of shown) expect(g.total).toBeGreaterThanOrEqual(5);
            if (options.closedList) expect(other === 0 || other >= 5 || shown.length === 0).toBe(true);
            expect(shown.reduce((sum, g) => sum + g.total, other)).toBe(a + b + c);
          }
        }
      }
    }
  });
});

describe("publicDaily", () => {
  it("hides the days while the letter is smaller than min", () => {
    const days = [
      { day: "2026-07-01", total: 1 },
      { day: "2026-07-02", total: 3 },
    ];
    expect(publicDaily(days, 4, 5)).toEqual([]);
    expect(publicDaily(days, 5, 5)).toEqual(days);
  });
});

describe("an anonymous signer's domain", () => {
  it("is shown on a one-domain letter, and elsewhere once the domain has min signatures", () => {
    expect(showsAnonymousDomain({ singleDomainLetter: true, domainTotal: 1, min: 5 })).toBe(true);
    expect(showsAnonymousDomain({ singleDomainLetter: false, domainTotal: 4, min: 5 })).toBe(false);
    expect(showsAnonymousDomain({ singleDomainLetter: false, domainTotal: 5, min: 5 })).toBe(true);
  });

  it("closed lists: not open to any domain, no subdomains", () => {
    expect(hasClosedDomainList({ openToAnyDomain: false, domainRules: [{ includeSubdomains: false }, { includeSubdomains: false }] })).toBe(true);
    expect(hasClosedDomainList({ openToAnyDomain: false, domainRules: [{ includeSubdomains: false }, { includeSubdomains: true }] })).toBe(false);
    expect(hasClosedDomainList({ openToAnyDomain: true, domainRules: [] })).toBe(false);
  });

  it("one-domain letters: one rule, no subdomains, not open to any domain", () => {
    expect(isSingleDomainLetter({ openToAnyDomain: false, domainRules: [{ includeSubdomains: false }] })).toBe(true);
    expect(isSingleDomainLetter({ openToAnyDomain: false, domainRules: [{ includeSubdomains: true }] })).toBe(false);
    expect(isSingleDomainLetter({ openToAnyDomain: false, domainRules: [{ includeSubdomains: false }, { includeSubdomains: false }] })).toBe(false);
    expect(isSingleDomainLetter({ openToAnyDomain: true, domainRules: [] })).toBe(false);
  });
});
