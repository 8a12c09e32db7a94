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
        select: { id: true, kind: true, body: true, occurredAt: true },
      },
      count: { select: { total: true, updatedAt: true } },
    },
  });
  if (!letter) return null;
  const { count, ...rest } = letter;
  return { ...rest, total: count?.total ?? 0 };
}

export type TPublishedLetter = NonNullable<Awaited<ReturnType<typeof getPublishedLetter>>>;
