"use client";

import { useActionState } from "react";
import { fieldHelpers, SignerDetailsFields } from "../signer-details";
import type { TClaimFormState, TClaimFormValues } from "./claim-form-state";
import { CodeScreen } from "./code-screen";

type Props = {
  action: (state: TClaimFormState, formData: FormData) => Promise<TClaimFormState>;
  /** The letter's domains for a select; null when any domain may sign (then typed in). */
  domains: string[] | null;
  collectJobTitle: boolean;
  collectTeam: boolean;
  /** The letter's list of teams; none: typed. */
  teams: readonly string[];
  allowComments: boolean;
  allowPublicNames: boolean;
  namesHeld: boolean;
  /** "Name me once N people at my domain have signed": the letter's thresholds. */
  thresholds: readonly number[];
};

const EMPTY: TClaimFormValues = { name: "", display: "name", domain: "", title: "", team: "", comment: "" };

/** Works without JavaScript, like the ordinary sign form; on success the code replaces the form. */
export function ClaimForm({ action, domains, collectJobTitle, collectTeam, teams, allowComments, allowPublicNames, namesHeld, thresholds }: Props) {
  const [state, formAction, submitting] = useActionState(action, { status: "idle" });
  if (state.status === "code") return <CodeScreen state={state} />;

  const values = state.status === "error" ? state.values : EMPTY;
  const errors = state.status === "error" ? state.fields : {};
  const { field, error } = fieldHelpers<keyof TClaimFormValues>("claim", errors);

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

      <SignerDetailsFields
        prefix="claim"
        values={values}
        errors={errors}
        letter={{ allowPublicNames, collectJobTitle, collectTeam, allowComments, namesHeld }}
        teams={teams}
        thresholds={thresholds}
        anonymousAs={<>&ldquo;Anonymous · verified by organisers&rdquo;</>}
      />

      <button type="submit" disabled={submitting}>
        {submitting ? "Getting your code…" : "Get my verification code"}
      </button>
    </form>
  );
}
