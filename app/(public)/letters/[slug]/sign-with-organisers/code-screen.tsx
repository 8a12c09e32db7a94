import { ReceiptNotice } from "@/app/_components/receipt-notice";
import type { TClaimFormState } from "./claim-form-state";

/**
 * The code, shown once: only its keyed hash is stored, so nobody (we included) can show it again.
 * The organisers' instructions are their own words, rendered as plain text.
 */
export function CodeScreen({ state }: { state: Extract<TClaimFormState, { status: "code" }> }) {
  const expires = new Date(state.expiresAt);
  return (
    <div className="card notice" role="status">
      <h3>Your verification code</h3>
      <p className="organiser-code" data-testid="organiser-code" aria-label={`Verification code ${state.code.split("").join(" ")}`}>
        <code>{state.code}</code>
      </p>
      <p>
        Write it down or take a screenshot now: it is shown only this once, and we keep no copy we could show you again. Your signature counts once an organiser
        verifies this code, which they can do until{" "}
        <time dateTime={state.expiresAt}>{expires.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}</time>;
        after that the claim is deleted.
      </p>
      <h4>What the organisers ask you to do</h4>
      <p className="organiser-instructions" data-testid="organiser-instructions">
        {state.instructions}
      </p>
      <ReceiptNotice url={state.receiptUrl} />
    </div>
  );
}
