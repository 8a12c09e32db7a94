import type { ReactNode } from "react";
import { formatCount } from "@/lib/wording/format";

/**
 * What both ways of signing (an emailed link, or a code shown to the organisers) ask alike, and
 * how their fields are described: by a hint where there is one, and by their error once there
 * is one. `prefix` keeps the ids of the two forms apart.
 */
export function fieldHelpers<TName extends string>(prefix: string, errors: Partial<Record<TName, string[]>>) {
  const field = (name: TName, hint?: string) => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint, errors[name] ? `${prefix}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: TName) => {
    const messages = errors[name];
    return messages ? (
      <p id={`${prefix}-${name}-error`} className="field-error">
        {messages.join(" ")}
      </p>
    ) : null;
  };
  return { field, error };
}

type TDetailName = "display" | "title" | "team" | "comment";

type Props = {
  prefix: string;
  /** `display`: "name", "anonymous" or "at:N" (display-field.ts). */
  values: { display: string; title: string; team: string; comment: string };
  errors: Partial<Record<TDetailName, string[]>>;
  letter: { allowPublicNames: boolean; collectJobTitle: boolean; collectTeam: boolean; allowComments: boolean; namesHeld: boolean };
  /** How an anonymous signature of this kind is shown, for the choice's label. */
  anonymousAs: ReactNode;
  /** The thresholds a signer may wait for ("name me once N people at my domain have signed"); none: not offered. */
  thresholds?: readonly number[];
  /** The letter's list of teams to pick from; none: the team is typed. */
  teams?: readonly string[];
};

/** How the signature appears, then the optional job title, team and comment the letter asks for. */
export function SignerDetailsFields({ prefix, values, errors, letter, anonymousAs, thresholds = [], teams = [] }: Props) {
  const { field, error } = fieldHelpers<TDetailName>(prefix, errors);
  const describedBy = errors.display ? { "aria-describedby": `${prefix}-display-error` } : {};
  return (
    <>
      {letter.allowPublicNames ? (
        <fieldset className="field" {...describedBy}>
          <legend>How should your signature appear?</legend>
          <label className="choice">
            <input type="radio" name="display" value="name" defaultChecked={values.display === "name"} /> Show my name
            {letter.namesHeld ? " (once the letter is delivered: until then every signature is shown as anonymous)" : null}
          </label>
          {thresholds.map((threshold) => (
            <label className="choice" key={threshold}>
              <input type="radio" name="display" value={`at:${threshold}`} defaultChecked={values.display === `at:${threshold}`} /> Name me once{" "}
              {formatCount(threshold)} people at my domain have signed (anonymous until then; once shown, my name stays)
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="display" value="anonymous" defaultChecked={values.display === "anonymous"} /> Sign anonymously (shown as {anonymousAs}{" "}
            with your domain)
          </label>
          {error("display")}
        </fieldset>
      ) : (
        <input type="hidden" name="display" value="anonymous" />
      )}

      {letter.collectJobTitle ? (
        <div className="field">
          <label htmlFor={`${prefix}-title`}>Job title (optional)</label>
          <input {...field("title")} type="text" maxLength={120} defaultValue={values.title} />
          {error("title")}
        </div>
      ) : null}
      {letter.collectTeam ? (
        <div className="field">
          <label htmlFor={`${prefix}-team`}>Team (optional)</label>
          {teams.length > 0 ? (
            <select {...field("team", `${prefix}-team-hint`)} defaultValue={teams.find((team) => team === values.team) ?? ""}>
              <option value="">Prefer not to say</option>
              {teams.map((team) => (
                <option key={team} value={team}>
                  {team}
                </option>
              ))}
            </select>
          ) : (
            <input {...field("team", `${prefix}-team-hint`)} type="text" maxLength={120} defaultValue={values.team} />
          )}
          <p id={`${prefix}-team-hint`} className="hint">
            Counted in the letter&rsquo;s totals per team, which never show a team of fewer than a few people. Shown beside your signature only if your name is.
          </p>
          {error("team")}
        </div>
      ) : null}
      {letter.allowComments ? (
        <div className="field">
          <label htmlFor={`${prefix}-comment`}>Why I signed (optional)</label>
          <textarea {...field("comment")} rows={3} maxLength={1000} defaultValue={values.comment} />
          {error("comment")}
        </div>
      ) : null}
    </>
  );
}
