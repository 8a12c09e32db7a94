"use client";

import { useActionState } from "react";
import { IDLE, type TActionState } from "@/lib/errors/action-state";
import { ActionForm, ActionOutcome } from "../../../../_components/action-form";
import type { TClaimView, TLookupState, TVerifiedView } from "./verify-state";

type TAction<TState> = (state: TState, formData: FormData) => Promise<TState>;

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** Enter a code → the claim, with the recently verified names → verify, or reject with a reason. */
export function VerifyPanel({ lookUp, verify, reject }: { lookUp: TAction<TLookupState>; verify: TAction<TActionState>; reject: TAction<TActionState> }) {
  const [state, lookUpAction, looking] = useActionState(lookUp, IDLE as TLookupState);
  return (
    <>
      <form action={lookUpAction} className="card">
        <div className="field">
          <label htmlFor="verify-code">The signer&rsquo;s code</label>
          <input
            id="verify-code"
            name="code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            placeholder="7K2QD-M9XRT-4WZC8"
            required
          />
          <p className="hint">15 letters and digits; case, spaces and hyphens do not matter. A typo is caught before the code is looked up.</p>
        </div>
        <div className="organiser-toolbar">
          <button type="submit" disabled={looking}>
            {looking ? "Looking up…" : "Look up the claim"}
          </button>
          {state.status === "claim" ? null : <ActionOutcome state={state} labels={{ code: "Code" }} />}
        </div>
      </form>
      {state.status === "claim" ? (
        <ClaimCard key={state.claim.code} claim={state.claim} recentlyVerified={state.recentlyVerified} verify={verify} reject={reject} />
      ) : null}
    </>
  );
}

function ClaimCard({
  claim,
  recentlyVerified,
  verify,
  reject,
}: {
  claim: TClaimView;
  recentlyVerified: TVerifiedView[];
  verify: TAction<TActionState>;
  reject: TAction<TActionState>;
}) {
  return (
    <section aria-labelledby="claim-heading" className="card" data-testid="organiser-claim">
      <h2 id="claim-heading">Claim {claim.code}</h2>
      <dl>
        <dt>Name</dt>
        <dd>
          {claim.displayName} {claim.anonymous ? <span className="muted">(appears publicly as &ldquo;Anonymous&rdquo;)</span> : null}
        </dd>
        {claim.jobTitle || claim.team ? (
          <>
            <dt>Role</dt>
            <dd>{[claim.jobTitle, claim.team].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        <dt>Claimed domain</dt>
        <dd>@{claim.domain}</dd>
        <dt>Claimed</dt>
        <dd>
          <time dateTime={claim.submittedAt}>{when(claim.submittedAt)}</time> (the code expires <time dateTime={claim.expiresAt}>{when(claim.expiresAt)}</time>)
        </dd>
      </dl>
      <h3>Recently verified by organisers on this letter</h3>
      <p className="hint">
        These signatures have no email address behind them, so nothing stops one person from claiming twice:{" "}
        <strong>your check is the only duplicate control for this path.</strong> Look for this name below before you verify.
      </p>
      {recentlyVerified.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul data-testid="recently-verified">
          {recentlyVerified.map((signer, index) => (
            <li key={`${signer.confirmedAt}-${index}`}>
              {signer.displayName} · @{signer.domain}
              {signer.anonymous ? " · anonymous in public" : ""} · <time dateTime={signer.confirmedAt}>{when(signer.confirmedAt)}</time>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={verify} submitLabel="Verify: this person works there" workingLabel="Verifying…" labels={{ code: "Code" }}>
        <input type="hidden" name="code" value={claim.code} />
      </ActionForm>
      <ActionForm
        action={reject}
        submitLabel="Reject the claim"
        workingLabel="Rejecting…"
        buttonClassName="button-danger"
        labels={{ reason: "Reason", code: "Code" }}
      >
        <input type="hidden" name="code" value={claim.code} />
        <div className="field">
          <label htmlFor="reject-reason">Reason (for your co-organisers, in the activity log)</label>
          <input id="reject-reason" name="reason" type="text" maxLength={500} />
        </div>
      </ActionForm>
    </section>
  );
}
