"use client";

import { useResultForm } from "@/app/_components/use-result-form";
import type { TSignFormState, TSignFormValues } from "./sign-form-state";
import { fieldHelpers, SignerDetailsFields } from "./signer-details";

type Props = {
  action: (state: TSignFormState, formData: FormData) => Promise<TSignFormState>;
  allowedDomains: string;
  collectJobTitle: boolean;
  collectTeam: boolean;
  /** The letter's list of teams; none: typed. */
  teams: readonly string[];
  allowComments: boolean;
  allowPublicNames: boolean;
  /** The letter holds names until its delivery: "show my name" then means "from the delivery on". */
  namesHeld: boolean;
  /** "Name me once N people at my domain have signed": the letter's thresholds. */
  thresholds: readonly number[];
};

const EMPTY: TSignFormValues = { name: "", email: "", display: "name", title: "", team: "", comment: "" };

/**
 * Works without JavaScript (a plain form POST to the server action); with it, the page does not
 * reload and errors are announced where they occur.
 */
export function SignForm({ action, allowedDomains, collectJobTitle, collectTeam, teams, allowComments, allowPublicNames, namesHeld, thresholds }: Props) {
  const { state, formAction, pending: submitting, anchor, resultRef } = useResultForm<TSignFormState>(action, { status: "idle" });

  if (state.status === "pending") {
    return (
      <div id={anchor} className="card notice" role="status" tabIndex={-1} ref={resultRef}>
        <h3>Check your inbox</h3>
        {/* The same words for every address, whatever it did before: this page must not tell
            anyone whether an address has signed. */}
        <p>A confirmation link is on its way to the address you gave. Your signature counts once you open it and press Confirm; the link works for 48 hours.</p>
        <p>
          No email? We send at most one an hour to an address for a letter: if this address asked within the last hour, it gets no new one. Use the link in the
          email we sent before (look in your spam folder too). If this address had already signed, that link says so and changes nothing.
        </p>
      </div>
    );
  }

  const values = state.status === "error" ? state.values : EMPTY;
  const errors = state.status === "error" ? state.fields : {};
  const { field, error } = fieldHelpers<keyof TSignFormValues>("sign", errors);

  return (
    <form id={anchor} action={formAction} className="sign-form" noValidate>
      {state.status === "error" ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={resultRef}>
          {state.message}
        </p>
      ) : null}

      <div className="field">
        <label htmlFor="sign-name">Full name</label>
        <input {...field("name")} type="text" autoComplete="name" required maxLength={120} defaultValue={values.name} />
        {error("name")}
      </div>

      <div className="field">
        <label htmlFor="sign-email">Work email</label>
        <input {...field("email", "sign-email-hint")} type="email" autoComplete="email" required maxLength={254} defaultValue={values.email} />
        <p id="sign-email-hint" className="hint">
          Open to {allowedDomains}. We only use it to confirm your signature, then forget it. Your employer&rsquo;s mail system can see that our confirmation
          email arrived.
        </p>
        {error("email")}
      </div>

      <SignerDetailsFields
        prefix="sign"
        values={values}
        errors={errors}
        letter={{ allowPublicNames, collectJobTitle, collectTeam, allowComments, namesHeld }}
        teams={teams}
        anonymousAs={<>&ldquo;Anonymous · verified&rdquo;</>}
        thresholds={thresholds}
      />

      <button type="submit" disabled={submitting}>
        {submitting ? "Signing…" : "Sign this letter"}
      </button>
    </form>
  );
}
