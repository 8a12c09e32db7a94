"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ReceiptNotice } from "./receipt-notice";
import type { TTokenActionState } from "./token-action-state";

type Props = {
  action: (state: TTokenActionState, formData: FormData) => Promise<TTokenActionState>;
  token: string;
  label: string;
};

/** The button behind a confirm or withdraw link: only pressing it acts, never opening the link. */
export function TokenActionForm({ action, token, label }: Props) {
  const [state, formAction, working] = useActionState(action, { status: "idle" });
  if (state.status === "done") {
    return (
      <div className="card notice" role="status">
        <h2>{state.heading}</h2>
        <p>{state.message}</p>
        {state.receiptUrl ? <ReceiptNotice url={state.receiptUrl} /> : null}
        <p>
          <Link href={`/letters/${state.letter.slug}`}>Back to &ldquo;{state.letter.title}&rdquo;</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction}>
      {state.status === "error" ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={working}>
        {working ? "One moment…" : label}
      </button>
    </form>
  );
}
