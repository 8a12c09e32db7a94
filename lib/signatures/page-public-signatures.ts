import type { TDb, Prisma } from "@/lib/db/prisma";
import { toPage, type TCursor } from "@/lib/pagination/cursor";
import { DELIVERED_SELECT, namesHeld } from "@/lib/privacy/held-names";
import { isSingleDomainLetter, showsAnonymousDomain } from "@/lib/privacy/small-groups";
import { listPublicSignatures, type TPublicSignature } from "./list-public-signatures";

/**
 * Public signatures a page at a time, newest first: what every public surface lists (the letter
 * page, its signatures pages, the API). Besides listPublicSignatures' rules, no name shows while
 * the letter holds names until its delivery (lib/privacy/held-names.ts), and an anonymous
 * signer's domain is left out while that domain has fewer than `minPublicGroup` confirmed
 * signatures on a letter several domains may sign (lib/privacy/small-groups.ts).
 */
export async function pagePublicSignatures(
  db: TDb | Prisma.TransactionClient,
  /** The letter's id, or its listing policy where the caller has read the letter already (the letter page). */
  letterOrId: string | TPublicListPolicy,
  options: { limit: number; cursor: TCursor | null; minPublicGroup: number },
): Promise<{ items: TPublicSignature[]; nextCursor: string | null }> {
  const letter = typeof letterOrId === "string" ? await readPublicListPolicy(db, letterOrId) : letterOrId;
  const rows = await listPublicSignatures(db, letter.id, { limit: options.limit + 1, after: options.cursor, namesHeld: letter.namesHeld });
  const page = toPage(rows, options.limit, (signature) => ({ at: signature.confirmedAt, id: signature.id }));
  return { ...page, items: await withoutSmallAnonymousDomains(db, letter, page.items, options.minPublicGroup) };
}

/** What of the letter decides how its signers are listed: its domains (small groups) and whether it holds names. */
export type TPublicListPolicy = { id: string; openToAnyDomain: boolean; domainRules: readonly { includeSubdomains: boolean }[]; namesHeld: boolean };

async function readPublicListPolicy(db: TDb | Prisma.TransactionClient, letterId: string): Promise<TPublicListPolicy> {
  const letter = await db.letter.findUniqueOrThrow({
    where: { id: letterId },
    select: { id: true, openToAnyDomain: true, domainRules: { select: { includeSubdomains: true } }, holdNamesUntilDelivery: true, ...DELIVERED_SELECT },
  });
  return { id: letter.id, openToAnyDomain: letter.openToAnyDomain, domainRules: letter.domainRules, namesHeld: namesHeld(letter) };
}

async function withoutSmallAnonymousDomains(
  db: TDb | Prisma.TransactionClient,
  letter: TPublicListPolicy,
  items: TPublicSignature[],
  min: number,
): Promise<TPublicSignature[]> {
  const anonymousDomains = [...new Set(items.filter((item) => item.name === null && item.domain !== null).map((item) => item.domain!))];
  if (anonymousDomains.length === 0 || min <= 1) return items;
  // The folded totals, up to a fold behind: a domain just reaching the size shows a moment later.
  const counts = await db.domainCount.findMany({ where: { letterId: letter.id, domain: { in: anonymousDomains } }, select: { domain: true, total: true } });
  const singleDomainLetter = isSingleDomainLetter(letter);
  const totals = new Map(counts.map((count) => [count.domain, count.total]));
  return items.map((item) =>
    item.name === null && item.domain !== null && !showsAnonymousDomain({ singleDomainLetter, domainTotal: totals.get(item.domain) ?? 0, min })
      ? { ...item, domain: null }
      : item,
  );
}
