import type { Db } from "@/lib/db/prisma";
import { PUBLISHED_STATUSES } from "./published-statuses";

/**
 * Everything a visitor sees of one letter, or null when no published letter has this slug
 * (drafts are indistinguishable from letters that do not exist).
 */
export async function getPublishedLetter(db: Db, slug: string) {
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
  return {
    ...rest,
    total: count?.total ?? 0,
    countsUpdatedAt: count?.updatedAt ?? null,
    byDomain: domainCounts,
    // Days on which withdrawals outnumbered confirmations would read as negative signatures.
    daily: dailyCounts.map(({ day, total }) => ({ day: day.toISOString().slice(0, 10), total: Math.max(0, total) })),
  };
}

export type TPublishedLetter = NonNullable<Awaited<ReturnType<typeof getPublishedLetter>>>;
