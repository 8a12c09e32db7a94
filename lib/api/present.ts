import type { TPublishedLetter } from "@/lib/letters/get-published-letter";
import type { TLetterSummary } from "@/lib/letters/letter-summary";
import { letterUrls } from "@/lib/letters/letter-urls";
import type { TPublicSignature } from "@/lib/signatures/list-public-signatures";
import type { TLetterDetail, TLetterSummaryBody } from "./schemas";
import type { z } from "zod";
import type { ZPublicSignature } from "./schemas";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Field by field, never by spreading a row: a new column must not reach the public by accident. */
export function presentLetterSummary(
  letter: Pick<TLetterSummary, "slug" | "title" | "addressee" | "status" | "total" | "goal" | "publishedAt">,
  appUrl: string,
): TLetterSummaryBody {
  return {
    slug: letter.slug,
    title: letter.title,
    addressee: letter.addressee,
    status: letter.status,
    total: letter.total,
    goal: letter.goal,
    publishedAt: iso(letter.publishedAt),
    url: letterUrls(appUrl, letter.slug).page,
  };
}

export function presentLetterDetail(letter: TPublishedLetter, appUrl: string): TLetterDetail {
  const urls = letterUrls(appUrl, letter.slug);
  return {
    ...presentLetterSummary({ ...letter, status: letter.status === "OPEN" ? "OPEN" : "CLOSED" }, appUrl),
    body: letter.bodyMarkdown,
    listed: letter.listed,
    closesAt: iso(letter.closesAt),
    closedAt: iso(letter.closedAt),
    demands: letter.demands.map((demand) => ({ text: demand.text, status: demand.status })),
    timeline: letter.statusUpdates.map((update) => ({
      kind: update.kind,
      body: update.body,
      occurredAt: update.occurredAt.toISOString(),
      respondBy: update.respondBy?.toISOString().slice(0, 10) ?? null,
    })),
    domainPolicy: {
      openToAnyDomain: letter.openToAnyDomain,
      domains: letter.domainRules.map((rule) => ({ domain: rule.domain, includeSubdomains: rule.includeSubdomains })),
    },
    byDomain: letter.byDomain.map(({ domain, total }) => ({ domain, total })),
    otherDomains: letter.otherDomains,
    byTeam: letter.byTeam,
    otherTeams: letter.otherTeams,
    byVerification: letter.byVerification,
    daily: letter.daily,
    countsUpdatedAt: iso(letter.countsUpdatedAt),
    nameThresholds: letter.waitingNames,
    namesHeldUntilDelivery: letter.namesHeld,
    links: { count: urls.count, signatures: urls.signatures, badge: urls.badge, image: urls.image, feed: urls.feed, calendar: urls.calendar },
  };
}

export function presentSignature(signature: TPublicSignature): z.infer<typeof ZPublicSignature> {
  return {
    name: signature.name,
    jobTitle: signature.jobTitle,
    team: signature.team,
    domain: signature.domain,
    comment: signature.comment,
    confirmedAt: signature.confirmedAt.toISOString(),
    verification: signature.verification,
  };
}
