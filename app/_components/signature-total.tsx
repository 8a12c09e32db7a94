import { formatCount } from "@/lib/wording/format";
import { nounFor, NOUNS } from "@/lib/wording/plural";

type Props = {
  total: number;
  goal: number | null;
  /** Characters of room kept for the figure, so that a live update never moves the text around it. */
  reserveChars?: number;
};

/** The verified total, with progress towards the goal when the letter has one. */
export function SignatureTotal({ total, goal, reserveChars }: Props) {
  const percent = goal ? Math.min(100, Math.round((total / goal) * 100)) : null;
  return (
    <div className="total">
      <p className="total-figure">
        <strong data-testid="verified-total" style={reserveChars ? { minWidth: `${reserveChars}ch` } : undefined}>
          {formatCount(total)}
        </strong>{" "}
        {nounFor(total, NOUNS.verifiedSignature)}
        {goal ? <span className="muted"> of {formatCount(goal)}</span> : null}
      </p>
      {percent !== null ? (
        <div
          className="progress"
          role="progressbar"
          aria-label="Progress to the goal"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}% of the goal of ${formatCount(goal ?? 0)}`}
        >
          <div className="progress-bar" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
    </div>
  );
}

/** Room for the figure as it grows: twice today's total or the goal, whichever is larger. */
export const reserveCharsFor = (total: number, goal: number | null) => formatCount(Math.max(total * 2, goal ?? 0, 100)).length;
