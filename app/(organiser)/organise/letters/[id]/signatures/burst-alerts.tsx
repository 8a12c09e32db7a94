import Link from "next/link";
import { formatCount } from "@/lib/wording/format";
import { BURST_WINDOW_MS, burstFilter, type TSignatureBurst } from "@/lib/moderation/detect-signature-bursts";
import { filterParams } from "@/lib/moderation/signature-filter";

const WINDOW_MINUTES = BURST_WINDOW_MS / 60_000;

/** A source's usual pace in words: "0.2 an hour", "15 an hour", or "none". */
function describeUsualRate(perHour: number): string {
  if (perHour < 0.05) return "none";
  const figure = perHour < 10 ? String(Math.round(perHour * 10) / 10) : formatCount(Math.round(perHour));
  return `${figure} an hour`;
}

/** "43 signatures from one source (0badc0de) in the last 10 minutes (usually 0.2 an hour)". */
export function describeBurst(burst: TSignatureBurst): string {
  const from = burst.subject.kind === "source" ? `one source (${burst.subject.label})` : `@${burst.subject.domain}`;
  return `${formatCount(burst.recent)} signatures from ${from} in the last ${WINDOW_MINUTES} minutes (usually ${describeUsualRate(burst.usualPerHour)})`;
}

/**
 * The trending alerts at the top of the moderation page. Each links to the bulk-invalidation
 * preview with its source or domain and its window filled in: the organiser sees what it matched
 * before anything is invalidated.
 */
export function BurstAlerts({ bursts, signaturesPath, now }: { bursts: TSignatureBurst[]; signaturesPath: string; now: Date }) {
  if (bursts.length === 0) return null;
  return (
    <section aria-labelledby="bursts-heading" className="card burst-alerts" data-testid="burst-alerts">
      <h2 id="bursts-heading">Unusual activity</h2>
      <ul>
        {bursts.map((burst) => (
          <li key={burst.subject.kind === "source" ? `source:${burst.subject.label}` : `domain:${burst.subject.domain}`}>
            {describeBurst(burst)} —{" "}
            <Link href={`${signaturesPath}?${new URLSearchParams(filterParams(burstFilter(burst, now)))}#bulk`}>Review or invalidate them</Link>
          </li>
        ))}
      </ul>
      <p className="muted">Floods of fake signatures look like this. So can a team that shares the letter all at once.</p>
    </section>
  );
}
