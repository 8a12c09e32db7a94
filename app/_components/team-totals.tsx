import { formatCount } from "@/lib/wording/format";

const SHOWN = 8;

/**
 * "By team: 412 Azure Core · 96 Bing · 31 in other teams". `byTeam` holds only teams large
 * enough to name, `otherTeams` the rest together (lib/privacy/small-groups.ts), joined here by
 * those past the first few. With none named, the total is not "too small": on a letter with a
 * list, a large team is folded in too while naming it would leave a small one on its own.
 * An anonymous signer's team is counted here and nowhere else.
 */
export function TeamTotals({ byTeam, otherTeams }: { byTeam: { team: string; total: number }[]; otherTeams: number }) {
  if (byTeam.length === 0 && otherTeams === 0) return null;
  const shown = byTeam.slice(0, SHOWN);
  const othersTotal = byTeam.slice(SHOWN).reduce((sum, t) => sum + t.total, otherTeams);
  return (
    <ul className="domain-totals" aria-label="Verified signatures by team" data-testid="team-totals">
      <li className="muted group-label">By team:</li>
      {shown.map((t) => (
        <li key={t.team}>
          <strong>{formatCount(t.total)}</strong> {t.team}
        </li>
      ))}
      {othersTotal > 0 ? (
        <li>
          <strong>{formatCount(othersTotal)}</strong> {shown.length > 0 ? "in other teams" : "in teams not named yet, so that no small team stands out"}
        </li>
      ) : null}
    </ul>
  );
}
