import type { Db, Prisma } from "@/lib/db/prisma";
import { countOrganiserVerified } from "@/lib/signatures/count-organiser-verified";
import { PUBLISHED_STATUSES } from "./published-statuses";

/**
 * Everything a visitor sees of one letter, or null when no published letter has this slug
 * (drafts are indistinguishable from letters that do not exist).
 */
export async function getPublishedLetter(db: Db | Prisma.TransactionClient, slug: string) {
  const letter = await db.letter.findFirst({
    where: { slug, status: { in: [...PUBLISHED_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      addressee: true,
      bodyMarkdown: true,
      status: true,
      goal: true,
      publishedAt: true,
      closesAt: true,
      closedAt: true,
      openToAnyDomain: true,
      collectJobTitle: true,
      collectTeam: true,
      allowComments: true,
      allowPublicNames: true,
      organiserVerification: true,
      organiserVerificationInstructions: true,
      demands: { orderBy: { position: "asc" }, select: { id: true, text: true, status: true } },
      domainRules: { orderBy: { domain: "asc" }, select: { domain: true, includeSubdomains: true } },
      statusUpdates: {
        orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
        select: { id: true, kind: true, body: true, occurredAt: true, respondBy: true },
      },
      count: { select: { total: true, updatedAt: true } },
      domainCounts: { where: { total: { gt: 0 } }, orderBy: [{ total: "desc" }, { domain: "asc" }], select: { domain: true, total: true } },
      dailyCounts: { orderBy: { day: "asc" }, select: { day: true, total: true } },
    },
  });
  if (!letter) return null;
  const { count, domainCounts, dailyCounts, ...rest } = letter;
  const total = count?.total ?? 0;
  // Exact and cheap (an index range of the letter's organiser-verified rows, which people check
  // one by one); the total is the aggregator's, up to a second behind, hence the floor.
  const organiser = letter.organiserVerification ? await countOrganiserVerified(db, letter.id) : 0;
  return {
    ...rest,
    total,
    byVerification: { email: Math.max(0, total - organiser), organiser: Math.min(organiser, total) },
    countsUpdatedAt: count?.updatedAt ?? null,
    byDomain: domainCounts,
    // Days on which withdrawals outnumbered confirmations would read as negative signatures.
    daily: dailyCounts.map(({ day, total }) => ({ day: day.toISOString().slice(0, 10), total: Math.max(0, total) })),
  };
}

export type TPublishedLetter = NonNullable<Awaited<ReturnType<typeof getPublishedLetter>>>;
