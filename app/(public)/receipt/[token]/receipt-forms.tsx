"use client";

import { useActionState } from "react";
import type { TReceiptActionState } from "@/app/_server/receipt-actions";
import { changeAppearanceAction, withdrawAction } from "./actions";

type Props = { token: string; showName: boolean; mayShowName: boolean };

function ErrorLine({ state }: { state: TReceiptActionState }) {
  return state.status === "error" ? (
    <p className="form-error" role="alert">
      {state.message}
    </p>
  ) : null;
}

/** What a signer can do from their receipt: every change is a POST, never the opening of a link. */
export function ReceiptForms({ token, showName, mayShowName }: Props) {
  const [appearance, changeAppearance, changing] = useActionState(changeAppearanceAction, { status: "idle" });
  const [withdrawal, withdraw, withdrawing] = useActionState(withdrawAction, { status: "idle" });
  return (
    <>
      <form action={changeAppearance} className="card">
        <fieldset className="field">
          <legend>How your signature appears</legend>
          <ErrorLine state={appearance} />
          <input type="hidden" name="token" value={token} />
          <label className="choice">
            <input type="radio" name="display" value="name" defaultChecked={showName} disabled={!mayShowName} /> Show my name
          </label>
          <label className="choice">
            <input type="radio" name="display" value="anonymous" defaultChecked={!showName} /> Anonymous: only &ldquo;verified @
            your domain&rdquo;
          </label>
          {mayShowName ? null : <p className="muted">This letter does not show signers&rsquo; names.</p>}
        </fieldset>
        <button type="submit" disabled={changing}>
          {changing ? "One moment…" : "Save"}
        </button>
      </form>
      <form action={withdraw} className="card">
        <h2>Withdraw</h2>
        <p>Your signature stops counting, leaves the letter, and everything it says about you is erased.</p>
        <ErrorLine state={withdrawal} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="receipt-withdraw" disabled={withdrawing}>
          {withdrawing ? "One moment…" : "Withdraw my signature"}
        </button>
      </form>
    </>
  );
}
