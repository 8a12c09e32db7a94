import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/config/env";
import { loadPublishedLetter } from "@/lib/adapters/load-published-letter";
import { badgeEmbedCode } from "@/lib/letters/badge-embed-code";
import { describeAllowedDomains } from "@/lib/letters/domain-policy";
import { letterUrls } from "@/lib/letters/letter-urls";
import { DailyChart } from "@/app/_components/daily-chart";
import { DemandList } from "@/app/_components/demand-list";
import { DomainTotals } from "@/app/_components/domain-totals";
import { TeamTotals } from "@/app/_components/team-totals";
import { FollowUpdates } from "@/app/_components/follow-updates";
import { formatCount, formatDate } from "@/lib/wording/format";
import { countOf, nounFor, NOUNS } from "@/lib/wording/plural";
import { LiveTotal } from "@/app/_components/live-total";
import { MarkdownBody } from "@/app/_components/markdown";
import { ShareActions } from "@/app/_components/share-actions";
import { HeldNamesNotice } from "@/app/_components/held-names-notice";
import { WaitingNames } from "@/app/_components/waiting-names";
import { SignatureList } from "@/app/_components/signature-list";
import { SignatureTotal } from "@/app/_components/signature-total";
import { LetterStatusBadge } from "@/app/_components/status-badge";
import { StatusTimeline } from "@/app/_components/status-timeline";
import { signLetterAction } from "./actions";
import { SignForm } from "./sign-form";

type Props = { params: Promise<{ slug: string }> };

// Rendered once per letter every few seconds and served from Next's cache in between: a viral
// letter's readers cost one render per interval, not one each. The live total keeps an open
// page current; publishing and status changes revalidate it at once.
export const revalidate = 5;

// No letter is rendered at build time (the database may not even be reachable then); each is
// rendered on its first request and cached from there.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const letter = await loadPublishedLetter((await params).slug);
  if (!letter) return { title: "Letter not found" };
  const urls = letterUrls(getEnv().APP_URL, letter.slug);
  const description = `An open letter to ${letter.addressee}, signed by ${formatCount(letter.total)} verified ${nounFor(letter.total, NOUNS.employee)}.`;
  const image = { url: urls.image, width: 1200, height: 630, alt: `${letter.title} — ${countOf(letter.total, NOUNS.verifiedSignature)}` };
  return {
    title: letter.title,
    description,
    alternates: { canonical: urls.page, types: { "application/atom+xml": [{ url: urls.feed, title: `Updates on “${letter.title}”` }] } },
    openGraph: { type: "article", siteName: "Undersigned", title: letter.title, description, url: urls.page, images: [image] },
    twitter: { card: "summary_large_image", title: letter.title, description, images: [image] },
    // Unlisted (a quiet launch): whoever has the link may read and share it; search engines wait.
    ...(letter.listed ? {} : { robots: { index: false } }),
  };
}

export default async function LetterPage({ params }: Props) {
  const letter = await loadPublishedLetter((await params).slug);
  if (!letter) notFound();

  const allowedDomains = describeAllowedDomains({ openToAnyDomain: letter.openToAnyDomain, rules: letter.domainRules });
  // From the same snapshot as the total, the chart and the domain totals (see getLetterPage).
  const { signers } = letter;
  const urls = letterUrls(getEnv().APP_URL, letter.slug);

  return (
    <article className="letter">
      <header className="letter-header">
        <LetterStatusBadge status={letter.status} />
        <h1>{letter.title}</h1>
        <p className="addressee">To {letter.addressee}</p>
        <LetterDates
          publishedAt={letter.publishedAt}
          closesAt={letter.status === "OPEN" ? letter.closesAt : null}
          closedAt={letter.status === "CLOSED" ? letter.closedAt : null}
        />
        {letter.listed ? null : (
          <p className="muted" data-testid="unlisted-notice">
            Unlisted: only people with the link can find this letter. It is not listed on this site or shown to search engines yet.
          </p>
        )}
      </header>

      <section aria-labelledby="total-heading" className="card">
        <h2 id="total-heading" className="visually-hidden">
          Signatures
        </h2>
        {letter.status === "OPEN" ? (
          <LiveTotal slug={letter.slug} total={letter.total} goal={letter.goal} />
        ) : (
          <SignatureTotal total={letter.total} goal={letter.goal} />
        )}
        {letter.organiserVerification || letter.byVerification.organiser > 0 ? (
          <p data-testid="verification-split">
            {formatCount(letter.byVerification.email)} verified by work email, {formatCount(letter.byVerification.organiser)} verified by organisers
          </p>
        ) : null}
        <DomainTotals byDomain={letter.byDomain} otherDomains={letter.otherDomains} />
        <TeamTotals byTeam={letter.byTeam} otherTeams={letter.otherTeams} />
        <p className="muted">
          Open to {allowedDomains}.{" "}
          {letter.organiserVerification
            ? "Each signature is confirmed from a work inbox, or checked by the organisers against proof of employment."
            : "Each signature is confirmed from a work inbox."}
        </p>
      </section>

      {letter.status === "OPEN" ? (
        <section aria-labelledby="sign-heading" className="card">
          <h2 id="sign-heading">Sign this letter</h2>
          <SignForm
            action={signLetterAction.bind(null, letter.slug)}
            allowedDomains={allowedDomains}
            collectJobTitle={letter.collectJobTitle}
            collectTeam={letter.collectTeam}
            teams={letter.teams}
            allowComments={letter.allowComments}
            allowPublicNames={letter.allowPublicNames}
            namesHeld={letter.namesHeld}
            thresholds={letter.waitingNames.map(({ threshold }) => threshold)}
          />
          {letter.organiserVerification ? (
            <p className="sign-alternative">
              <strong>I&rsquo;d rather not get an email at work.</strong> If your employer reads your work mail, use this instead:{" "}
              <Link href={`/letters/${letter.slug}/sign-with-organisers`}>be verified by the organisers</Link>.
            </p>
          ) : null}
        </section>
      ) : (
        <p className="card">This letter is closed and no longer accepts signatures.</p>
      )}

      <section aria-labelledby="letter-heading">
        <h2 id="letter-heading" className="visually-hidden">
          The letter
        </h2>
        <MarkdownBody source={letter.bodyMarkdown} />
      </section>

      <section aria-labelledby="demands-heading">
        <h2 id="demands-heading">Demands</h2>
        <DemandList demands={letter.demands} />
      </section>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Signatures per day</h2>
        {letter.total > 0 && letter.daily.length === 0 ? (
          // Held back by the small-group rule (lib/privacy/small-groups.ts): on a small letter a
          // day's bar is a person.
          <p className="muted">Shown once {formatCount(getEnv().MIN_PUBLIC_GROUP)} people have signed: until then a day could single someone out.</p>
        ) : (
          <DailyChart daily={letter.daily} today={new Date()} />
        )}
      </section>

      <section aria-labelledby="signers-heading">
        <h2 id="signers-heading">Recent signatures</h2>
        {letter.namesHeld ? <HeldNamesNotice /> : null}
        <WaitingNames waiting={letter.waitingNames} open={letter.status === "OPEN"} />
        <SignatureList signatures={signers.items} />
        {signers.nextCursor ? (
          <p>
            <Link href={`/letters/${letter.slug}/signatures?cursor=${signers.nextCursor}`} prefetch={false}>
              Show more signatures
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Status</h2>
        <FollowUpdates slug={letter.slug} />
        <StatusTimeline updates={letter.statusUpdates} />
      </section>

      <section aria-labelledby="share-heading" className="card">
        <h2 id="share-heading">Share this letter</h2>
        <ShareActions url={urls.page} title={letter.title} text={`An open letter to ${letter.addressee}`} />
        <details className="embed">
          <summary>Embed a live count badge on your site</summary>
          <p>
            {/* The badge is our own image: the same origin, no tracking. Lazy: it sits in a closed
                <details>, and an eager image is preloaded ahead of the page's own scripts. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={`/letters/${letter.slug}/badge.svg`} alt={countOf(letter.total, NOUNS.verifiedSignature)} height={20} loading="lazy" decoding="async" />
          </p>
          <label htmlFor="embed-code">HTML to paste</label>
          <textarea id="embed-code" readOnly rows={3} value={badgeEmbedCode(getEnv().APP_URL, letter)} />
        </details>
      </section>
    </article>
  );
}

/** When it was published, and when it closes or closed: the status, stated plainly. */
function LetterDates({ publishedAt, closesAt, closedAt }: { publishedAt: Date | null; closesAt: Date | null; closedAt: Date | null }) {
  const candidates: [string, Date | null][] = [
    ["Published", publishedAt],
    ["Closes", closesAt],
    ["Closed", closedAt],
  ];
  const dates = candidates.filter((entry): entry is [string, Date] => entry[1] !== null);
  if (dates.length === 0) return null;
  return (
    <p className="muted">
      {dates.map(([label, at], i) => (
        <span key={label}>
          {i > 0 ? " · " : ""}
          {label} <time dateTime={at.toISOString()}>{formatDate(at)}</time>
        </span>
      ))}
    </p>
  );
}
