import { AppError } from "@/lib/errors/app-error";
import { LETTER_LIMITS } from "@/lib/letters/letter-limits";

/**
 * A signer's team, and the key its signatures are counted under (issue 13 §4).
 *
 * Free text is counted case- and space-insensitively: "Azure Core", "azure  core" and " AZURE
 * CORE" are one team, or the per-team totals would split a team by how each person typed it,
 * and a split-off spelling of one is a group of one. Where the letter gives a fixed list, the
 * signer picks from it and the list's own spelling is stored.
 */

/** The team as stored: trimmed, every run of spaces one space. The form and the API both pass through here. */
export function normaliseTeam(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/**
 * The key a team is matched under in TypeScript: tidied, lower case. The database's twin is
 * teamKeySql (team-key-sql.ts); an integration test holds the two to the same result.
 */
export function teamKey(text: string): string {
  return normaliseTeam(text).toLowerCase();
}

/** Whether two spellings name one team, as a signer's choice is matched against the letter's list. */
export function sameTeam(a: string, b: string): boolean {
  return teamKey(a) === teamKey(b);
}

/**
 * The team a signature records, given what the letter collects: none unless the letter asks for
 * a team; the list's own entry where it gives a list (refused, with a message for the field,
 * when the choice is not on it); otherwise the signer's text, normalised.
 */
export function signerTeam(letter: { collectTeam: boolean; teams: readonly string[] }, team: string | undefined): string | null {
  if (!letter.collectTeam || team === undefined || normaliseTeam(team) === "") return null;
  if (letter.teams.length === 0) return normaliseTeam(team);
  const listed = letter.teams.find((entry) => sameTeam(entry, team));
  if (listed === undefined) {
    throw new AppError("INVALID_INPUT", { fields: { team: ["Choose your team from the letter's list, or leave it out."] } });
  }
  return listed;
}

/** An organiser's list of teams, normalised, or the problem with it: empty lines dropped, no team twice. */
export function parseTeamList(entries: readonly string[]): { ok: true; teams: string[] } | { ok: false; message: string } {
  const teams = entries.map(normaliseTeam).filter((entry) => entry !== "");
  const long = teams.find((entry) => entry.length > LETTER_LIMITS.teamName);
  if (long !== undefined) return { ok: false, message: `A team can be at most ${LETTER_LIMITS.teamName} characters: "${long.slice(0, 40)}…" is longer.` };
  if (teams.length > LETTER_LIMITS.teams) return { ok: false, message: `List at most ${LETTER_LIMITS.teams} teams.` };
  const seen = new Set<string>();
  const twice = teams.find((entry) => {
    const key = teamKey(entry);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
  if (twice !== undefined) return { ok: false, message: `"${twice}" is listed twice (teams are matched regardless of case and spacing).` };
  return { ok: true, teams };
}
