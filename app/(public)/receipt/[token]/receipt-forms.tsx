"use client";

import type { Ref } from "react";
import { useResultForm } from "@/app/_components/use-result-form";
import type { TReceiptActionState } from "@/app/_actions/receipt-actions";
import { changeAppearanceAction, withdrawAction } from "./actions";

type Props = { token: string; showName: boolean; mayShowName: boolean };

function ErrorLine({ state, resultRef }: { state: TReceiptActionState; resultRef: Ref<HTMLParagraphElement> }) {
  return state.status === "error" ? (
    <p className="form-error" role="alert" tabIndex={-1} ref={resultRef}>
      {state.message}
    </p>
  ) : null;
}

/** What a signer can do from their receipt: every change is a POST, never the opening of a link. */
export function ReceiptForms({ token, showName, mayShowName }: Props) {
  // Success redirects back to the receipt (see receipt-actions.ts); only an error stays here.
  const appearance = useResultForm<TReceiptActionState>(changeAppearanceAction, { status: "idle" });
  const withdrawal = useResultForm<TReceiptActionState>(withdrawAction, { status: "idle" });
  return (
    <>
      <form id={appearance.anchor} action={appearance.formAction} className="card">
        <fieldset className="field">
          <legend>How your signature appears</legend>
          <ErrorLine state={appearance.state} resultRef={appearance.resultRef} />
          <input type="hidden" name="token" value={token} />
          <label className="choice">
            <input type="radio" name="display" value="name" defaultChecked={showName} disabled={!mayShowName} /> Show my name
          </label>
          <label className="choice">
            <input type="radio" name="display" value="anonymous" defaultChecked={!showName} /> Anonymous: only &ldquo;verified @ your domain&rdquo;
          </label>
          {mayShowName ? null : <p className="muted">This letter does not show signers&rsquo; names.</p>}
        </fieldset>
        <button type="submit" disabled={appearance.pending}>
          {appearance.pending ? "One moment…" : "Save"}
        </button>
      </form>
      <form id={withdrawal.anchor} action={withdrawal.formAction} className="card">
        <h2>Withdraw</h2>
        <p>Your signature stops counting, leaves the letter, and everything it says about you is erased.</p>
        <ErrorLine state={withdrawal.state} resultRef={withdrawal.resultRef} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="receipt-withdraw" disabled={withdrawal.pending}>
          {withdrawal.pending ? "One moment…" : "Withdraw my signature"}
        </button>
      </form>
    </>
  );
}
