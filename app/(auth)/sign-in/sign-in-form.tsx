"use client";

import { useState } from "react";
import { useResultForm } from "@/app/_components/use-result-form";
import { IDLE, type TActionState } from "@/lib/errors/action-state";

type Props = { action: (state: TActionState, formData: FormData) => Promise<TActionState>; callbackPath: string };

export function SignInForm({ action, callbackPath }: Props) {
  // Back to this page with its callback, should a scriptless answer show an error to correct.
  const {
    state,
    formAction,
    pending: working,
    anchor,
    resultRef,
  } = useResultForm<TActionState>(action, IDLE, { search: `?callbackUrl=${encodeURIComponent(callbackPath)}` });
  // Controlled, so that a refused request (a typo, a site used at the wrong address) keeps it.
  const [email, setEmail] = useState("");
  if (state.status === "done") {
    return (
      <div id={anchor} className="card notice" role="status" tabIndex={-1} ref={resultRef}>
        <h2>Check your inbox</h2>
        <p>{state.message}</p>
      </div>
    );
  }
  const emailError = state.status === "error" ? state.fields.email : undefined;
  return (
    <form id={anchor} action={formAction} className="card" noValidate>
      {state.status === "error" ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={resultRef}>
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <div className="field">
        <label htmlFor="sign-in-email">Your email address</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "sign-in-email-hint sign-in-email-error" : "sign-in-email-hint"}
        />
        {emailError ? (
          <p id="sign-in-email-error" className="field-error">
            {emailError.join(" ")}
          </p>
        ) : null}
        <p id="sign-in-email-hint" className="hint">
          Organising against your own employer? Consider a personal address: your employer&apos;s mail system reads what reaches a work address.
        </p>
      </div>
      <button type="submit" disabled={working}>
        {working ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
