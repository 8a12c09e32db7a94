"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ReceiptNotice } from "./receipt-notice";
import type { TTokenActionState } from "./token-action-state";
import { useResultForm } from "./use-result-form";

type Props = {
  action: (state: TTokenActionState, formData: FormData) => Promise<TTokenActionState>;
  token: string;
  label: string;
  /** What the page says before the button is pressed: replaced by the outcome once it is. */
  children?: ReactNode;
};

/** The button behind a confirm or withdraw link: only pressing it acts, never opening the link. */
export function TokenActionForm({ action, token, label, children }: Props) {
  const { state, formAction, pending: working, anchor, resultRef } = useResultForm<TTokenActionState>(action, { status: "idle" });
  if (state.status === "done") {
    return (
      // The page's heading becomes the outcome: "Confirm your signature / You are about to sign"
      // would be false once it is signed.
      <div id={anchor} role="status" tabIndex={-1} ref={resultRef}>
        <h1>{state.heading}</h1>
        <p>{state.message}</p>
        {state.nameProgress ? <p className="name-progress">{state.nameProgress}</p> : null}
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
      <form id={anchor} action={formAction}>
        {state.status === "error" ? (
          <p className="form-error" role="alert" tabIndex={-1} ref={resultRef}>
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
