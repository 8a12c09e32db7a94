import { formatCount } from "@/lib/wording/format";

const SHOWN = 8;

/**
 * "1,204 verified @microsoft.com · 96 @github.com · 31 at other domains": who signs, by
 * employer, largest first. `byDomain` holds only domains large enough to name; `otherDomains`
 * the rest together (lib/privacy/small-groups.ts), joined here by those past the first few.
 */
export function DomainTotals({ byDomain, otherDomains }: { byDomain: { domain: string; total: number }[]; otherDomains: number }) {
  if (byDomain.length === 0) return null;
  const shown = byDomain.slice(0, SHOWN);
  const othersTotal = byDomain.slice(SHOWN).reduce((sum, d) => sum + d.total, otherDomains);
  return (
    <ul className="domain-totals" aria-label="Verified signatures by domain">
      {shown.map((d, i) => (
        <li key={d.domain}>
          <strong>{formatCount(d.total)}</strong> {i === 0 ? "verified " : ""}@{d.domain}
        </li>
      ))}
      {othersTotal > 0 ? (
        <li>
          <strong>{formatCount(othersTotal)}</strong> at other domains
        </li>
      ) : null}
    </ul>
  );
}
