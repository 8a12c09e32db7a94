/**
 * "42 people will show their names once 100 people at their domain have signed": the names
 * waiting on each threshold (lib/signatures/reveal-names.ts), itself an invitation to sign.
 */
export function WaitingNames({ waiting }: { waiting: readonly { threshold: number; waiting: number }[] }) {
  const lines = waiting.filter((entry) => entry.waiting > 0);
  if (lines.length === 0) return null;
  return (
    <ul className="waiting-names" aria-label="Names waiting for more colleagues">
      {lines.map(({ threshold, waiting: count }) => (
        <li key={threshold}>
          {count === 1 ? "1 person will show their name" : `${count.toLocaleString("en")} people will show their names`} once {threshold.toLocaleString("en")}{" "}
          people at their domain have signed.
        </li>
      ))}
    </ul>
  );
}
