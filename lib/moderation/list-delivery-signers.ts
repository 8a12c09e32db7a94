import { exactDomainCountsSql } from "@/lib/counts/get-letter-total";
import type { TDb, Prisma } from "@/lib/db/prisma";
import { Prisma as P } from "@/lib/db/prisma";
import { foldSmallGroups, hasClosedDomainList, isSingleDomainLetter } from "@/lib/privacy/small-groups";

export type TNamedSigner = {
  id: string;
  name: string;
  jobTitle: string | null;
  team: string | null;
  domain: string;
  confirmedAt: Date;
  verificationMethod: "EMAIL" | "ORGANISER";
};
export type TDomainCount = { domain: string; count: number };
export type TSignerSummary = {
  /** Confirmed signatures per domain, most first: domains of at least MIN_PUBLIC_GROUP. */
  totalsByDomain: TDomainCount[];
  /** Confirmed signatures at the domains too small to name, together. */
  otherDomains: number;
  /**
   * Per domain, the confirmed signers who are not named (by choice, or hidden by a moderator);
   * `byOrganisers`: how many of `count` the organisers verified (the rest, by work email).
   * Domains with fewer than MIN_PUBLIC_GROUP such signers are in `anonymousElsewhere`.
   */
  anonymousByDomain: (TDomainCount & { byOrganisers: number })[];
  anonymousElsewhere: { count: number; byOrganisers: number };
  named: number;
  anonymous: number;
  total: number;
};
export type TDeliverySigners = TSignerSummary & {
  /** The first named signers, in the order they confirmed: at most the limit asked for. */
  firstNamed: TNamedSigner[];
};

type TReader = TDb | Prisma.TransactionClient;

/**
 * Who signed, as the letter is delivered: confirmed signatures only, named where the signer chose
 * it and no moderator hid the name, otherwise only counted per domain. Exact: the folded
 * per-domain counts plus the events not folded yet (the delivered total must be the true one,
 * not a count a second behind), which carry the named and organiser-verified breakdown too
 * (lib/counts/named-counts.ts), so a letter of a million signatures costs what one of a thousand
 * does. One statement, so its totals agree with each other and with the rows; pass a
 * transaction to read it in the same snapshot as more.
 *
 * A delivered letter leaves the organisers' hands (the addressee is often the employer), so its
 * breakdowns follow the public small-group rule (lib/privacy/small-groups.ts): a domain, or a
 * domain's anonymous signers, fewer than `minPublicGroup` are counted only under "other
 * domains". On a letter only one domain may sign, the domain says nothing new and stays.
 */
export async function summariseSigners(db: TReader, letterId: string, options: { minPublicGroup: number }): Promise<TSignerSummary> {
  const letter = await db.letter.findUniqueOrThrow({
    where: { id: letterId },
    select: { openToAnyDomain: true, domainRules: { select: { includeSubdomains: true } } },
  });
  const min = isSingleDomainLetter(letter) ? 1 : options.minPublicGroup;
  const closedList = hasClosedDomainList(letter);
  const rows = await db.$queryRaw<{ domain: string; total: bigint; named: bigint; anonymousByOrganisers: bigint }[]>`
    SELECT * FROM (${exactDomainCountsSql(letterId)}) counts WHERE total > 0`;
  const domains = rows
    .map((row) => ({ domain: row.domain, count: Number(row.total), named: Number(row.named), anonymousByOrganisers: Number(row.anonymousByOrganisers) }))
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain));
  const named = domains.reduce((sum, row) => sum + row.named, 0);
  const total = domains.reduce((sum, row) => sum + row.count, 0);
  const totals = foldSmallGroups(
    domains.map(({ domain, count }) => ({ key: domain, total: count })),
    min,
    { closedList },
  );
  const anonymous = domains.map(({ domain, count, named, anonymousByOrganisers }) => ({ domain, count: count - named, byOrganisers: anonymousByOrganisers }));
  const anonymousFold = foldSmallGroups(
    anonymous.map(({ domain, count }) => ({ key: domain, total: count })),
    min,
    { closedList },
  );
  const anonymousShown = new Set(anonymousFold.shown.map((group) => group.key));
  const anonymousElsewhere = anonymous.filter((row) => !anonymousShown.has(row.domain)).reduce((sum, row) => sum + row.byOrganisers, 0);
  return {
    totalsByDomain: totals.shown.map(({ key, total }) => ({ domain: key, count: total })),
    otherDomains: totals.other,
    anonymousByDomain: anonymous.filter((row) => anonymousShown.has(row.domain)),
    anonymousElsewhere: { count: anonymousFold.other, byOrganisers: anonymousElsewhere },
    named,
    anonymous: total - named,
    total,
  };
}

/**
 * Named signers in the order they confirmed (confirmedAt, then id), `limit` of them after the
 * keyset `after`: the export reads a whole letter this way a batch at a time, the delivery page
 * reads its first page. The outer bound on confirmedAt is what lets PostgreSQL start the
 * (letterId, state, confirmedAt) index range at the cursor.
 */
export async function pageNamedSigners(
  db: TReader,
  letterId: string,
  options: { limit: number; after?: { at: Date; id: string } | null },
): Promise<TNamedSigner[]> {
  const after = options.after;
  return db.$queryRaw<TNamedSigner[]>`
    SELECT id::text AS id, "displayName" AS name, "jobTitle", team, domain, "confirmedAt", "verificationMethod"::text AS "verificationMethod"
    FROM "Signature"
    WHERE "letterId" = ${letterId}::uuid AND state = 'CONFIRMED' AND "showName" AND NOT "nameHidden" AND "confirmedAt" IS NOT NULL
      ${after ? P.sql`AND "confirmedAt" >= ${after.at} AND ("confirmedAt" > ${after.at} OR id > ${after.id}::uuid)` : P.empty}
    ORDER BY "confirmedAt", id
    LIMIT ${options.limit}`;
}

/** The summary and the first `namedLimit` named signers, for the delivery page. */
export async function listDeliverySigners(db: TDb, letterId: string, options: { namedLimit: number; minPublicGroup: number }): Promise<TDeliverySigners> {
  const [summary, firstNamed] = await Promise.all([summariseSigners(db, letterId, options), pageNamedSigners(db, letterId, { limit: options.namedLimit })]);
  return { ...summary, firstNamed };
}
