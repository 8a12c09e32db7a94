import type { TDb, Prisma } from "@/lib/db/prisma";
import { foldSmallGroups, hasClosedDomainList, publicDaily } from "@/lib/privacy/small-groups";
import { countOrganiserVerified } from "@/lib/signatures/count-organiser-verified";
import { countWaitingNames } from "@/lib/signatures/reveal-names";
import { namesHeld } from "@/lib/privacy/held-names";
import { readTeamTotals } from "@/lib/teams/team-totals";
import { PUBLISHED_STATUSES } from "./published-statuses";

/**
 * Everything a visitor sees of one letter, or null when no published letter has this slug
 * (drafts are indistinguishable from letters that do not exist). Its breakdowns show no group
 * smaller than `minPublicGroup` (see publicBreakdowns).
 */
export async function getPublishedLetter(db: TDb | Prisma.TransactionClient, slug: string, options: { minPublicGroup: number }) {
  const letter = await readPublishedLetter(db, slug);
  return letter ? publicBreakdowns(letter, options.minPublicGroup) : null;
}

/**
 * The letter as stored, its breakdowns exact and unfolded: for callers that adjust the counts
 * first (getLetterPage) and then call publicBreakdowns. Never shown as it is.
 */
export async function readPublishedLetter(db: TDb | Prisma.TransactionClient, slug: string) {
  const letter = await db.letter.findFirst({
    where: { slug, status: { in: [...PUBLISHED_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      addressee: true,
      bodyMarkdown: true,
      status: true,
      listed: true,
      goal: true,
      publishedAt: true,
      closesAt: true,
      closedAt: true,
      openToAnyDomain: true,
      collectJobTitle: true,
      collectTeam: true,
      teams: true,
      allowComments: true,
      allowPublicNames: true,
      holdNamesUntilDelivery: true,
      nameThresholds: true,
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
  // Signatures waiting for their domain to reach a threshold (reveal-names.ts): "42 will show their names at 100".
  const waiting = letter.allowPublicNames && letter.nameThresholds.length > 0 ? await countWaitingNames(db, letter.id) : [];
  // Per-team totals (issue 13 §4), for letters that ask for a team.
  const teamTotals = letter.collectTeam ? await readTeamTotals(db, letter) : { byTeam: [], rest: 0 };
  const waitingNames = letter.nameThresholds.map((threshold) => ({ threshold, waiting: waiting.find((row) => row.threshold === threshold)?.waiting ?? 0 }));
  return {
    ...rest,
    namesHeld: namesHeld(letter),
    // The thresholds offered (none when names are not shown at all), each with its waiting names.
    waitingNames: letter.allowPublicNames ? waitingNames : [],
    total,
    byVerification: { email: Math.max(0, total - organiser), organiser: Math.min(organiser, total) },
    countsUpdatedAt: count?.updatedAt ?? null,
    byDomain: domainCounts,
    byTeam: teamTotals.byTeam,
    // Signatures of the teams past the ones read (readTeamTotals): never named, always "other".
    teamRest: teamTotals.rest,
    // Days on which withdrawals outnumbered confirmations would read as negative signatures.
    daily: dailyCounts.map(({ day, total }) => ({ day: day.toISOString().slice(0, 10), total: Math.max(0, total) })),
  };
}

export type TStoredLetter = NonNullable<Awaited<ReturnType<typeof readPublishedLetter>>>;

/**
 * The breakdowns as the public may see them: domains with fewer than `min` signatures folded
 * into `otherDomains`, teams likewise into `otherTeams` (an anonymous signer's team counts here
 * and is never shown beside them), and no per-day bars while the letter has fewer than `min` in all
 * (lib/privacy/small-groups.ts).
 */
export function publicBreakdowns(letter: TStoredLetter, min: number) {
  const { shown, other } = foldSmallGroups(
    letter.byDomain.map(({ domain, total }) => ({ key: domain, total })),
    min,
    { closedList: hasClosedDomainList(letter) },
  );
  // A letter's list of teams names every team there is, as a closed list of domains does.
  const teams = foldSmallGroups(
    letter.byTeam.map(({ key, total }) => ({ key, total })),
    min,
    { closedList: letter.teams.length > 0 },
  );
  const label = new Map(letter.byTeam.map(({ key, team }) => [key, team]));
  const { teamRest, ...rest } = letter;
  return {
    ...rest,
    byDomain: shown.map(({ key, total }) => ({ domain: key, total })),
    otherDomains: other,
    byTeam: teams.shown.map(({ key, total }) => ({ team: label.get(key) ?? key, total })),
    otherTeams: teams.other + Math.max(0, teamRest),
    daily: publicDaily(letter.daily, letter.total, min),
  };
}

export type TPublishedLetter = ReturnType<typeof publicBreakdowns>;
