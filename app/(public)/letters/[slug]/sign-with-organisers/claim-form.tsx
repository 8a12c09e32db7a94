"use client";

import { useActionState } from "react";
import type { TClaimFormState, TClaimFormValues } from "./claim-form-state";
import { CodeScreen } from "./code-screen";

type Props = {
  action: (state: TClaimFormState, formData: FormData) => Promise<TClaimFormState>;
  /** The letter's domains for a select; null when any domain may sign (then typed in). */
  domains: string[] | null;
  collectJobTitle: boolean;
  collectTeam: boolean;
  allowComments: boolean;
  allowPublicNames: boolean;
};

const EMPTY: TClaimFormValues = { name: "", anonymous: false, domain: "", title: "", team: "", comment: "" };

/** Works without JavaScript, like the ordinary sign form; on success the code replaces the form. */
export function ClaimForm({ action, domains, collectJobTitle, collectTeam, allowComments, allowPublicNames }: Props) {
  const [state, formAction, submitting] = useActionState(action, { status: "idle" });
  if (state.status === "code") return <CodeScreen state={state} />;

  const values = state.status === "error" ? state.values : EMPTY;
  const errors = state.status === "error" ? state.fields : {};
  const field = (name: keyof TClaimFormValues) => ({
    id: `claim-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `claim-${name}-error` : undefined,
  });
  const error = (name: keyof TClaimFormValues) =>
    errors[name] ? (
      <p id={`claim-${name}-error`} className="field-error">
        {errors[name].join(" ")}
      </p>
    ) : null;

  return (
    <form action={formAction} className="sign-form" noValidate>
      {state.status === "error" ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}

      <div className="field">
        <label htmlFor="claim-name">Full name</label>
        <input {...field("name")} type="text" autoComplete="name" required maxLength={120} defaultValue={values.name} />
        <p className="hint">The organisers will check it against your proof of employment.</p>
        {error("name")}
      </div>

      <div className="field">
        <label htmlFor="claim-domain">Your employer&rsquo;s domain</label>
        {domains ? (
          <select {...field("domain")} required defaultValue={values.domain || domains[0]}>
            {domains.map((domain) => (
              <option key={domain} value={domain}>
                @{domain}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...field("domain")}
            type="text"
            inputMode="url"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={253}
            placeholder="example.com"
            defaultValue={values.domain}
          />
        )}
        <p className="hint">The domain of your work email address. We do not ask for the address and send it nothing.</p>
        {error("domain")}
      </div>

      {allowPublicNames ? (
        <fieldset className="field">
          <legend>How should your signature appear?</legend>
          <label className="choice">
            <input type="radio" name="anonymous" value="false" defaultChecked={!values.anonymous} /> Show my name
          </label>
          <label className="choice">
            <input type="radio" name="anonymous" value="true" defaultChecked={values.anonymous} /> Sign anonymously (shown as &ldquo;Anonymous · verified by
            organisers&rdquo; with your domain)
          </label>
        </fieldset>
      ) : (
        <input type="hidden" name="anonymous" value="true" />
      )}

      {collectJobTitle ? (
        <div className="field">
          <label htmlFor="claim-title">Job title (optional)</label>
          <input {...field("title")} type="text" maxLength={120} defaultValue={values.title} />
          {error("title")}
        </div>
      ) : null}
      {collectTeam ? (
        <div className="field">
          <label htmlFor="claim-team">Team (optional)</label>
          <input {...field("team")} type="text" maxLength={120} defaultValue={values.team} />
          {error("team")}
        </div>
      ) : null}
      {allowComments ? (
        <div className="field">
          <label htmlFor="claim-comment">Why I signed (optional)</label>
          <textarea {...field("comment")} rows={3} maxLength={1000} defaultValue={values.comment} />
          {error("comment")}
        </div>
      ) : null}

      <button type="submit" disabled={submitting}>
        {submitting ? "Getting your code…" : "Get my verification code"}
      </button>
    </form>
  );
}
