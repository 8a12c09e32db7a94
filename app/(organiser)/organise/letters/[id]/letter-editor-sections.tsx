import type { ReactNode } from "react";
import { LETTER_LIMITS } from "@/lib/letters/letter-limits";
import type { TDraftState } from "./draft-state";
import { TeamListField } from "./letter-editor-teams";

/** What each part of the draft editor gets from it: the draft, ways to change it, and its fields' errors. */
export type TSectionProps = {
  draft: TDraftState;
  set: <K extends keyof TDraftState>(key: K, value: TDraftState[K]) => void;
  setFrom: <K extends keyof TDraftState>(key: K, value: (current: TDraftState) => TDraftState[K]) => void;
  errorFor: (path: string) => ReactNode;
  describedBy: (path: string) => { "aria-invalid"?: boolean; "aria-describedby"?: string };
};

let nextKey = 0;
/** A key for a demand or domain added in this editor (saved ones are keyed by their id). */
const newKey = () => `new-${(nextKey += 1)}`;

/** The demands: added, reordered and removed. */
export function DemandsFieldset({ draft, setFrom, errorFor, describedBy }: TSectionProps) {
  const moveDemand = (index: number, by: -1 | 1) =>
    setFrom("demands", (current) => {
      const demands = [...current.demands];
      const [moved] = demands.splice(index, 1);
      if (moved) demands.splice(index + by, 0, moved);
      return demands;
    });
  return (
    <fieldset>
      <legend>Demands</legend>
      {errorFor("demands")}
      <ol className="editor-list">
        {draft.demands.map((demand, index) => (
          <li key={demand.key}>
            <label htmlFor={`demand-${demand.key}`} className="visually-hidden">
              Demand {index + 1}
            </label>
            <textarea
              id={`demand-${demand.key}`}
              rows={2}
              value={demand.text}
              maxLength={LETTER_LIMITS.demandText}
              onChange={(event) =>
                setFrom("demands", (current) => current.demands.map((item) => (item.key === demand.key ? { ...item, text: event.target.value } : item)))
              }
              {...describedBy(`demands.${index}.text`)}
            />
            {errorFor(`demands.${index}.text`)}
            <div className="organiser-toolbar">
              <button
                type="button"
                className="button-secondary"
                disabled={index === 0}
                onClick={() => moveDemand(index, -1)}
                aria-label={`Move demand ${index + 1} up`}
              >
                Up
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={index === draft.demands.length - 1}
                onClick={() => moveDemand(index, 1)}
                aria-label={`Move demand ${index + 1} down`}
              >
                Down
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setFrom("demands", (current) => current.demands.filter((item) => item.key !== demand.key))}
                aria-label={`Remove demand ${index + 1}`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button-secondary"
        disabled={draft.demands.length >= LETTER_LIMITS.demands}
        onClick={() => setFrom("demands", (current) => [...current.demands, { key: newKey(), text: "" }])}
      >
        Add a demand
      </button>
    </fieldset>
  );
}

/** Who may sign: anyone with a verified address, or addresses at the listed domains. */
export function DomainsFieldset({ draft, set, setFrom, errorFor, describedBy }: TSectionProps) {
  return (
    <fieldset>
      <legend>Who may sign</legend>
      <label className="choice">
        <input type="checkbox" checked={draft.openToAnyDomain} onChange={(event) => set("openToAnyDomain", event.target.checked)} /> Anyone with a verified
        email address
      </label>
      {errorFor("domains")}
      {draft.openToAnyDomain ? null : (
        <>
          <ul className="editor-list">
            {draft.domains.map((rule, index) => (
              <li key={rule.key} className="organiser-toolbar">
                <label htmlFor={`domain-${rule.key}`} className="visually-hidden">
                  Domain {index + 1}
                </label>
                <input
                  id={`domain-${rule.key}`}
                  type="text"
                  placeholder="microsoft.com"
                  value={rule.domain}
                  onChange={(event) =>
                    setFrom("domains", (current) => current.domains.map((item) => (item.key === rule.key ? { ...item, domain: event.target.value } : item)))
                  }
                  {...describedBy(`domains.${index}.domain`)}
                />
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={rule.includeSubdomains}
                    onChange={(event) =>
                      setFrom("domains", (current) =>
                        current.domains.map((item) => (item.key === rule.key ? { ...item, includeSubdomains: event.target.checked } : item)),
                      )
                    }
                  />{" "}
                  and its subdomains
                </label>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setFrom("domains", (current) => current.domains.filter((item) => item.key !== rule.key))}
                  aria-label={`Remove domain ${index + 1}`}
                >
                  Remove
                </button>
                {errorFor(`domains.${index}.domain`)}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button-secondary"
            disabled={draft.domains.length >= LETTER_LIMITS.domains}
            onClick={() => setFrom("domains", (current) => [...current.domains, { key: newKey(), domain: "", includeSubdomains: false }])}
          >
            Add a domain
          </button>
        </>
      )}
    </fieldset>
  );
}

/** The goal, the closing date, what signers are asked, and the name thresholds offered. */
export function SigningFieldset({ draft, set, errorFor, describedBy }: TSectionProps) {
  return (
    <>
      <fieldset>
        <legend>Signing</legend>
        <div className="field">
          <label htmlFor="letter-goal">Signature goal (optional)</label>
          <input
            id="letter-goal"
            type="number"
            min={1}
            max={LETTER_LIMITS.goal}
            value={draft.goal}
            onChange={(event) => set("goal", event.target.value)}
            {...describedBy("goal")}
          />
          {errorFor("goal")}
        </div>
        <div className="field">
          <label htmlFor="letter-closes">Closing date (optional)</label>
          <input id="letter-closes" type="date" value={draft.closesAt} onChange={(event) => set("closesAt", event.target.value)} {...describedBy("closesAt")} />
          <p className="hint">Signing closes at the end of this day (UTC).</p>
          {errorFor("closesAt")}
        </div>
        <fieldset className="choice-group">
          <legend>Signing options</legend>
          <ul className="choice-list">
            {(
              [
                ["collectJobTitle", "Ask signers for their job title"],
                ["collectTeam", "Ask signers for their team"],
                ["allowComments", "Let signers add a comment"],
                ["allowPublicNames", "Let signers show their name publicly (otherwise every signature is anonymous)"],
                [
                  "holdNamesUntilDelivery",
                  "Hold every name until the letter is delivered: totals and comments show from the start, names only once you post the “Delivered” update",
                ],
                [
                  "discreetEmails",
                  "Discreet emails: verification emails name neither the letter nor its addressee (recommended when signers use work addresses)",
                ],
              ] as const
            ).map(([key, label]) => (
              <li key={key}>
                <label className="choice">
                  <input type="checkbox" checked={draft[key] ?? false} onChange={(event) => set(key, event.target.checked)} /> {label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {draft.collectTeam ? <TeamListField draft={draft} set={set} errorFor={errorFor} /> : null}
        {draft.allowPublicNames ? (
          <div className="field">
            <label htmlFor="letter-name-thresholds">Name thresholds</label>
            <input
              id="letter-name-thresholds"
              type="text"
              inputMode="numeric"
              value={draft.nameThresholds}
              onChange={(event) => set("nameThresholds", event.target.value)}
              aria-describedby={["letter-name-thresholds-hint", errorFor("nameThresholds") ? "error-nameThresholds" : ""].filter(Boolean).join(" ")}
              {...(errorFor("nameThresholds") ? { "aria-invalid": true } : {})}
            />
            <p id="letter-name-thresholds-hint" className="hint">
              Besides &ldquo;show my name&rdquo; and &ldquo;anonymous&rdquo;, a signer may choose &ldquo;name me once N people at my domain have signed&rdquo;.
              The Ns offered, separated by commas (for example 10, 50, 100); leave it empty to offer none.
            </p>
            {errorFor("nameThresholds")}
          </div>
        ) : null}
      </fieldset>
    </>
  );
}
