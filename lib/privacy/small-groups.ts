/**
 * No small group singled out: the rule every public breakdown of a letter's signatures follows
 * (per-domain totals, per-day chart bars, the domain beside an anonymous signer).
 *
 * An employer reading "2 verified @tiny-subsidiary.example" knows where to look, and with two
 * people there, whom. So a public breakdown never shows a group smaller than `min` (the
 * MIN_PUBLIC_GROUP setting, 5 by default): small groups are folded into "other".
 */

export type TGroupTotal = { key: string; total: number };

/**
 * Groups of at least `min`, largest first, and the rest folded into one `other` total.
 *
 * Where the letter names every domain that may sign (`closedList`: no "any domain", no
 * subdomains), the folded rest must not be a small group either: on a letter open to
 * microsoft.com and github.com, "microsoft.com 40, other domains 2" says github.com has 2. So
 * there, while `other` is above zero and below `min`, the smallest shown group joins it, until
 * `other` reaches `min` or nothing is shown. On a letter open to any domain the rest could be
 * anyone's, and stays as it is. Groups of zero or less are dropped.
 */
export function foldSmallGroups(groups: readonly TGroupTotal[], min: number, options: { closedList: boolean }): { shown: TGroupTotal[]; other: number } {
  const sorted = groups.filter((group) => group.total > 0).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  const shown = sorted.filter((group) => group.total >= min);
  let other = sorted.reduce((sum, group) => sum + (group.total >= min ? 0 : group.total), 0);
  if (options.closedList) while (other > 0 && other < min && shown.length > 0) other += shown.pop()!.total;
  return { shown, other };
}

/**
 * A letter's signatures per day, or none while the letter has fewer than `min` in all: on a
 * small letter each bar is a person ("the one signature on Tuesday"). Once there are `min`,
 * the days are shown as they are: no bar can be told apart from the rest any more.
 */
export function publicDaily<T>(daily: readonly T[], total: number, min: number): T[] {
  return total < min ? [] : [...daily];
}

/**
 * Whether an anonymous signer's domain may be shown beside them. On a letter only one domain
 * may sign, the domain says nothing the letter does not. Elsewhere it is shown once that domain
 * has `min` confirmed signatures, and until then the signer is "Anonymous · verified".
 */
export function showsAnonymousDomain(options: { singleDomainLetter: boolean; domainTotal: number; min: number }): boolean {
  return options.singleDomainLetter || options.domainTotal >= options.min;
}

/** Whether a letter's policy names every domain that may sign: not open to any, no subdomains. */
export function hasClosedDomainList(letter: { openToAnyDomain: boolean; domainRules: readonly { includeSubdomains: boolean }[] }): boolean {
  return !letter.openToAnyDomain && letter.domainRules.every((rule) => !rule.includeSubdomains);
}

/** Whether a letter's policy admits exactly one domain (no subdomains, not open to any). */
export function isSingleDomainLetter(letter: { openToAnyDomain: boolean; domainRules: readonly { includeSubdomains: boolean }[] }): boolean {
  return hasClosedDomainList(letter) && letter.domainRules.length === 1;
}
