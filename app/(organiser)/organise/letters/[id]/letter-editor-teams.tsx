import { LETTER_LIMITS } from "@/lib/letters/letter-limits";
import type { TSectionProps } from "./letter-editor-sections";

/**
 * The teams signers pick from, one per line (lib/teams/team-name.ts). Empty: signers type their
 * team, and spellings that differ only in case or spacing count as one.
 */
export function TeamListField({ draft, set, errorFor }: Pick<TSectionProps, "draft" | "set" | "errorFor">) {
  return (
    <div className="field">
      <label htmlFor="letter-teams">Teams to choose from (optional)</label>
      <textarea
        id="letter-teams"
        rows={4}
        value={draft.teams}
        onChange={(event) => set("teams", event.target.value)}
        aria-describedby={["letter-teams-hint", errorFor("teams") ? "error-teams" : ""].filter(Boolean).join(" ")}
        {...(errorFor("teams") ? { "aria-invalid": true } : {})}
      />
      <p id="letter-teams-hint" className="hint">
        One team per line, at most {LETTER_LIMITS.teams}: signers pick from this list, and the letter&rsquo;s page shows verified totals per team (a team of
        fewer than a few signers is counted under &ldquo;other teams&rdquo;). Leave it empty to let signers type their team.
      </p>
      {errorFor("teams")}
    </div>
  );
}
