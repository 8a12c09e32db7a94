import { formatCount } from "./format";
import { nounFor, NOUNS } from "./plural";

const SHOWN = 8;

/** "1,204 verified @microsoft.com · 96 @github.com": who signs, by employer, largest first. */
export function DomainTotals({ byDomain }: { byDomain: { domain: string; total: number }[] }) {
  if (byDomain.length === 0) return null;
  const shown = byDomain.slice(0, SHOWN);
  const others = byDomain.slice(SHOWN);
  const othersTotal = others.reduce((sum, d) => sum + d.total, 0);
  return (
    <ul className="domain-totals" aria-label="Verified signatures by domain">
      {shown.map((d, i) => (
        <li key={d.domain}>
          <strong>{formatCount(d.total)}</strong> {i === 0 ? "verified " : ""}@{d.domain}
        </li>
      ))}
      {others.length > 0 ? (
        <li>
          <strong>{formatCount(othersTotal)}</strong> at {formatCount(others.length)} other {nounFor(others.length, NOUNS.domain)}
        </li>
      ) : null}
    </ul>
  );
}
