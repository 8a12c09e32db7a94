"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { ReceiptNotice } from "./receipt-notice";
import type { TTokenActionState } from "./token-action-state";

type Props = {
  action: (state: TTokenActionState, formData: FormData) => Promise<TTokenActionState>;
  token: string;
  label: string;
  /** What the page says before the button is pressed: replaced by the outcome once it is. */
  children?: ReactNode;
};

/** The button behind a confirm or withdraw link: only pressing it acts, never opening the link. */
export function TokenActionForm({ action, token, label, children }: Props) {
  const [state, formAction, working] = useActionState(action, { status: "idle" });
  if (state.status === "done") {
    return (
      // The page's heading becomes the outcome: "Confirm your signature / You are about to sign"
      // would be false once it is signed.
      <div role="status">
        <h1>{state.heading}</h1>
        <p>{state.message}</p>
        {state.shareUrl ? (
          <p>
            Share the letter: <a href={state.shareUrl}>{state.shareUrl}</a>
          </p>
        ) : null}
        {state.receiptUrl ? <ReceiptNotice url={state.receiptUrl} /> : null}
        <p>
          <Link href={`/letters/${state.letter.slug}`}>Back to &ldquo;{state.letter.title}&rdquo;</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      {children}
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
    </>
  );
}
