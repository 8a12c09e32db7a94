import { formatCount } from "@/lib/wording/format";

/**
 * "42 people will show their names once 100 people at their domain have signed": the names
 * waiting on each threshold (lib/signatures/reveal-names.ts), itself an invitation to sign. With
 * none waiting yet, on an open letter, the invitation is the choice itself.
 */
export function WaitingNames({ waiting, open }: { waiting: readonly { threshold: number; waiting: number }[]; open: boolean }) {
  const lines = waiting.filter((entry) => entry.waiting > 0);
  if (lines.length === 0) {
    if (!open || waiting.length === 0) return null;
    const thresholds = waiting.map(({ threshold }) => formatCount(threshold));
    const choice = thresholds.length === 1 ? thresholds[0] : `${thresholds.slice(0, -1).join(", ")} or ${thresholds.at(-1)}`;
    return (
      <p className="waiting-names">Safety in numbers: when you sign, you can choose to show your name only once {choice} people at your domain have signed.</p>
    );
  }
  return (
    <ul className="waiting-names" aria-label="Names waiting for more colleagues">
      {lines.map(({ threshold, waiting: count }) => (
        <li key={threshold}>
          {count === 1 ? "1 person will show their name" : `${formatCount(count)} people will show their names`} once {formatCount(threshold)} people at their
          domain have signed.
        </li>
      ))}
    </ul>
  );
}
