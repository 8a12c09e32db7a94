"use client";

import { useActionState, useState } from "react";
import { IDLE, type TActionState } from "@/lib/errors/action-state";

type Props = { action: (state: TActionState, formData: FormData) => Promise<TActionState>; callbackPath: string };

export function SignInForm({ action, callbackPath }: Props) {
  const [state, formAction, working] = useActionState(action, IDLE);
  // Controlled, so that a refused request (a typo, a site used at the wrong address) keeps it.
  const [email, setEmail] = useState("");
  if (state.status === "done") {
    return (
      <div className="card notice" role="status">
        <h2>Check your inbox</h2>
        <p>{state.message}</p>
      </div>
    );
  }
  const emailError = state.status === "error" ? state.fields.email : undefined;
  return (
    <form action={formAction} className="card" noValidate>
      {state.status === "error" ? (
        <p className="form-error" role="alert">
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
          aria-describedby={emailError ? "sign-in-email-error" : undefined}
        />
        {emailError ? (
          <p id="sign-in-email-error" className="field-error">
            {emailError.join(" ")}
          </p>
        ) : null}
        <p className="hint">
          Organising against your own employer? Consider a personal address: your employer&apos;s mail system reads
          what reaches a work address.
        </p>
      </div>
      <button type="submit" disabled={working}>
        {working ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
