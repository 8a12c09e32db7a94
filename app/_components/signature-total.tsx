import { formatCount } from "./format";

/** The verified total, with progress towards the goal when the letter has one. */
export function SignatureTotal({ total, goal }: { total: number; goal: number | null }) {
  const percent = goal ? Math.min(100, Math.round((total / goal) * 100)) : null;
  return (
    <div className="total">
      <p className="total-figure">
        <strong data-testid="verified-total">{formatCount(total)}</strong>{" "}
        verified signature{total === 1 ? "" : "s"}
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
        >
          <div className="progress-bar" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
    </div>
  );
}
