import type { TDb } from "@/lib/db/prisma";
import { Prisma } from "@/lib/db/prisma";
import type { TSignatureFilter } from "./signature-filter";
import { sourceLabel } from "./source-label";

/**
 * Trending alerts: a sudden burst of signatures to a letter from one source (one client
 * address, see hashClientIp) or at one domain. Floods of junk signatures arrive this way, and
 * most never confirm, so every state counts, pending included.
 *
 * A burst is the count in the last BURST_WINDOW_MS measured against the same source's or
 * domain's own rate over the BASELINE_MS before it: a large employer signing steadily all day
 * is not a burst, the same employer jumping from 2 an hour to 200 in ten minutes is.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Short enough that an alert is about what is happening now, long enough to gather a flood. */
export const BURST_WINDOW_MS = 10 * MINUTE_MS;
/** A day: covers a working day's rhythm, so a morning rush is measured against yesterday's. */
export const BASELINE_MS = 24 * HOUR_MS;

export type TBurstRule = {
  /** The fewest signatures in the window that can make a burst, whatever the baseline. */
  minimum: number;
  /** How many times its usual rate the window must reach. */
  ratio: number;
};

/**
 * One source is one network address. An office behind one address signs a few at a time; 20
 * different work addresses in ten minutes from one address is a script or someone's drawer of
 * addresses, unless that office has been signing at a similar pace all along (the ratio).
 */
export const SOURCE_BURST: TBurstRule = { minimum: 20, ratio: 5 };
/**
 * A domain is many people. 30 in ten minutes (180 an hour) is a lot for a domain that was quiet,
 * and a large employer that steadily signs at that pace never reaches five times its own rate.
 */
export const DOMAIN_BURST: TBurstRule = { minimum: 30, ratio: 5 };

export type TBurstCounts = {
  /** Signatures in the burst window. */
  recent: number;
  /** Signatures in the baseline period before the window. */
  baseline: number;
  /** How long that baseline period was: shorter than BASELINE_MS for a letter opened lately. */
  baselineMs: number;
};

/** The baseline's rate, per hour. */
export function usualPerHour(counts: TBurstCounts): number {
  return counts.baselineMs > 0 ? (counts.baseline * HOUR_MS) / counts.baselineMs : 0;
}

/** How many signatures the window would hold at the baseline's rate. */
function usualInWindow(counts: TBurstCounts): number {
  return (usualPerHour(counts) * BURST_WINDOW_MS) / HOUR_MS;
}

/**
 * The rule itself: at least `minimum` signatures in the window, and at least `ratio` times what
 * the window usually holds. A letter too young to have a baseline has only the floor.
 */
export function isSuddenBurst(counts: TBurstCounts, rule: TBurstRule): boolean {
  return counts.recent >= rule.minimum && counts.recent >= rule.ratio * usualInWindow(counts);
}

export type TSignatureBurst = {
  letterId: string;
  /** A source is shown by its label (see sourceLabel), never by its key. */
  subject: { kind: "source"; label: string } | { kind: "domain"; domain: string };
  recent: number;
  usualPerHour: number;
  /** Where the window began, for a bulk invalidation filter. */
  windowStart: Date;
};

type TBurstRow = { letterId: string; sourceKey: string | null; domain: string | null; recent: bigint };

/**
 * The bursts happening now on these letters, biggest first. Two statements, so that the work
 * follows the last ten minutes rather than the last day: the window's signatures (a range of the
 * letterId/createdAt index) counted per source and per domain at once, keeping only groups over
 * the floor; then, only for those, their signatures of the day before. A day's rows were read on
 * every organiser page view before: 3,300 on a letter signing a million over 300 days, 100,000
 * on a viral one; a quiet window now reads its own rows and no more (bench:scale, trending alerts).
 */
export async function detectSignatureBursts(db: TDb, letterIds: readonly string[], now: Date): Promise<TSignatureBurst[]> {
  if (letterIds.length === 0) return [];
  const windowStart = new Date(now.getTime() - BURST_WINDOW_MS);
  const baselineStart = new Date(windowStart.getTime() - BASELINE_MS);
  const letterList = Prisma.join(letterIds.map((id) => Prisma.sql`${id}::uuid`));
  const candidates = await db.$queryRaw<TBurstRow[]>`
    SELECT "letterId"::text AS "letterId",
           CASE WHEN GROUPING("sourceKey") = 0 THEN "sourceKey" END AS "sourceKey",
           CASE WHEN GROUPING(domain) = 0 THEN domain END AS domain,
           COUNT(*) AS recent
    FROM "Signature"
    WHERE "letterId" IN (${letterList}) AND "createdAt" >= ${windowStart} AND "createdAt" <= ${now}
    GROUP BY GROUPING SETS (("letterId", "sourceKey"), ("letterId", domain))
    HAVING COUNT(*) >= ${Math.min(SOURCE_BURST.minimum, DOMAIN_BURST.minimum)}
       AND (GROUPING("sourceKey") = 1 OR "sourceKey" IS NOT NULL)`;
  if (candidates.length === 0) return [];

  const baselines = await countBaselines(db, candidates, { from: baselineStart, to: windowStart });
  const letters = await db.letter.findMany({
    where: { id: { in: [...new Set(candidates.map((row) => row.letterId))] } },
    select: { id: true, publishedAt: true },
  });
  const publishedAt = new Map(letters.map((letter) => [letter.id, letter.publishedAt]));
  const bursts: TSignatureBurst[] = [];
  for (const row of candidates) {
    // A letter opened within the last day has a shorter baseline: its quiet hours before
    // publication would otherwise make every launch look like a burst.
    const opened = publishedAt.get(row.letterId)?.getTime() ?? baselineStart.getTime();
    const subject = burstSubject(row);
    if (!subject) continue;
    const counts: TBurstCounts = {
      recent: Number(row.recent),
      baseline: baselines.get(groupKey(row)) ?? 0,
      baselineMs: Math.max(0, windowStart.getTime() - Math.max(baselineStart.getTime(), opened)),
    };
    if (!isSuddenBurst(counts, subject.kind === "source" ? SOURCE_BURST : DOMAIN_BURST)) continue;
    bursts.push({ letterId: row.letterId, subject, recent: counts.recent, usualPerHour: usualPerHour(counts), windowStart });
  }
  return bursts.sort((a, b) => b.recent - a.recent);
}

/** A grouped row's source or domain, with its letter: how a baseline finds its group. */
function groupKey(row: { letterId: string; sourceKey: string | null; domain: string | null }): string {
  return row.sourceKey !== null ? `${row.letterId} source ${row.sourceKey}` : `${row.letterId} domain ${row.domain}`;
}

/**
 * The candidates' signatures in the baseline period: only their sources and domains, each
 * matched with its letter, so no other group's rows are read. The letters are named on their own
 * as well, for the planner: it reaches the letterId indexes only through a plain condition.
 */
async function countBaselines(db: TDb, candidates: readonly TBurstRow[], period: { from: Date; to: Date }): Promise<Map<string, number>> {
  const range = Prisma.sql`"createdAt" >= ${period.from} AND "createdAt" < ${period.to}`;
  const count = async (column: "sourceKey" | "domain", groups: readonly { letterId: string; value: string }[]) => {
    if (groups.length === 0) return [];
    const letters = Prisma.join([...new Set(groups.map((group) => group.letterId))].map((id) => Prisma.sql`${id}::uuid`));
    const pairs = Prisma.join(groups.map((group) => Prisma.sql`(${group.letterId}::uuid, ${group.value})`));
    const rows = await db.$queryRaw<{ letterId: string; value: string; baseline: bigint }[]>`
      SELECT "letterId"::text AS "letterId", ${Prisma.raw(`"${column}"`)} AS value, COUNT(*) AS baseline FROM "Signature"
      WHERE "letterId" IN (${letters}) AND ("letterId", ${Prisma.raw(`"${column}"`)}) IN (${pairs}) AND ${range}
      GROUP BY 1, 2`;
    return rows.map((row) => ({ ...row, sourceKey: column === "sourceKey" ? row.value : null, domain: column === "domain" ? row.value : null }));
  };
  const rows = [
    ...(await count(
      "sourceKey",
      candidates.flatMap((row) => (row.sourceKey !== null ? [{ letterId: row.letterId, value: row.sourceKey }] : [])),
    )),
    ...(await count(
      "domain",
      candidates.flatMap((row) => (row.sourceKey === null && row.domain !== null ? [{ letterId: row.letterId, value: row.domain }] : [])),
    )),
  ];
  return new Map(rows.map((row) => [groupKey(row), Number(row.baseline)]));
}

/** What a grouped row is about: a source (by its label alone) or a domain. */
function burstSubject(row: TBurstRow): TSignatureBurst["subject"] | null {
  if (row.sourceKey !== null) return { kind: "source", label: sourceLabel(row.letterId, row.sourceKey) };
  return row.domain !== null ? { kind: "domain", domain: row.domain } : null;
}

/**
 * The bulk-invalidation filter that selects a burst: its source or domain over its window, widened
 * to whole minutes because the filter's time fields show minutes.
 */
export function burstFilter(burst: TSignatureBurst, now: Date): TSignatureFilter {
  const subject = burst.subject.kind === "source" ? { source: burst.subject.label } : { domain: burst.subject.domain };
  return {
    ...subject,
    from: new Date(Math.floor(burst.windowStart.getTime() / MINUTE_MS) * MINUTE_MS),
    to: new Date((Math.floor(now.getTime() / MINUTE_MS) + 1) * MINUTE_MS),
  };
}
