import { Prisma } from "@/lib/db/prisma";
import { PUBLISHED_STATUSES } from "./published-statuses";

type TPublishedStatus = (typeof PUBLISHED_STATUSES)[number];

/**
 * The one rule of every list of letters (home page, its search, sitemap, site feed, the API's
 * list): published and listed. An unlisted letter (quiet launch, lib/letters/quiet-launch/) is
 * open to whoever has its link, and to nobody browsing; its own page, count and API answer stay
 * reachable through getPublishedLetter, which does not use this rule.
 *
 * Served by the index on (status, listed, publishedAt).
 */
export function listedLetters(status?: TPublishedStatus): Prisma.LetterWhereInput {
  return { status: status ?? { in: [...PUBLISHED_STATUSES] }, listed: true };
}

/** The same rule for a raw query over `"Letter"` aliased `alias`, with one status. */
export function listedLettersSql(alias: string, status: TPublishedStatus): Prisma.Sql {
  const letter = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  return Prisma.sql`${letter}.status = ${status}::"LetterStatus" AND ${letter}.listed`;
}
