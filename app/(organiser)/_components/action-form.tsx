"use client";

import { startTransition, useState, type FormEvent, type ReactNode } from "react";
import { useResultForm } from "@/app/_components/use-result-form";
import { IDLE, type TActionState } from "@/lib/errors/action-state";

type Props = {
  action: (state: TActionState, formData: FormData) => Promise<TActionState>;
  submitLabel: string;
  /** Shown while the action runs. */
  workingLabel?: string;
  className?: string;
  buttonClassName?: string;
  /** Field labels by path, so an error can say which field it is about. */
  labels?: Record<string, string>;
  /** The letter's version this form shows: sent with the edit, which is refused if it is stale. */
  version?: number;
  children?: ReactNode;
};

/**
 * A form whose server action answers with TActionState: the outcome is announced (status or
 * alert) next to the button, and each field error names its field. Works without JavaScript too.
 *
 * With JavaScript, two things React's form actions get wrong for editing forms are handled here:
 * - after a refused save, React would reset the form and lose what was typed, so the form is
 *   submitted without that reset (see useKeptInputSubmit);
 * - after a save, uncontrolled fields would keep showing what they showed when the page was
 *   first rendered (React does not re-apply a changed defaultValue to a field), so the fields
 *   are mounted afresh on each successful save, from the page as the save refreshed it.
 */
export function ActionForm({ action, submitLabel, workingLabel = "Working…", className, buttonClassName, labels = {}, version, children }: Props) {
  const { state, formAction, pending: working, anchor, resultRef } = useResultForm(action, IDLE);
  const saves = useSaveCount(state);
  const onSubmit = useKeptInputSubmit(formAction);
  // After a refused stale save, the next press is made knowing what changed: it builds on the
  // letter's current version.
  const sentVersion = state.status === "error" && state.conflict ? state.conflict.version : version;
  return (
    <form key={saves} id={anchor} action={formAction} onSubmit={onSubmit} className={className}>
      {sentVersion === undefined ? null : <input type="hidden" name="version" value={sentVersion} />}
      {children}
      <div className="organiser-toolbar">
        <button type="submit" disabled={working} className={buttonClassName}>
          {working ? workingLabel : submitLabel}
        </button>
        <ActionOutcome state={state} labels={labels} resultRef={resultRef} />
      </div>
    </form>
  );
}

/**
 * How many times this form's action has succeeded: a key that mounts the fields afresh after
 * each save and never after a failure. (Counted here rather than in a wrapper around the action:
 * the action must stay the server action itself for the form to work without JavaScript.)
 */
export function useSaveCount(state: TActionState): number {
  const [seen, setSeen] = useState({ state, saves: 0 });
  if (seen.state !== state) {
    const next = { state, saves: seen.saves + (state.status === "done" ? 1 : 0) };
    setSeen(next);
    return next.saves;
  }
  return seen.saves;
}

/**
 * Submits a form's action in a transition of our own, which React does not follow with a form
 * reset: a refused submission keeps every field as the person left it.
 */
export function useKeptInputSubmit(formAction: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  };
}

/**
 * `resultRef` (from useResultForm) takes focus when an outcome arrives; `conflictChanges`: a
 * form's own account of what changed, instead of the activity log's.
 */
export function ActionOutcome({
  state,
  labels = {},
  resultRef,
  conflictChanges,
}: {
  state: TActionState;
  labels?: Record<string, string>;
  resultRef?: (element: HTMLElement | null) => void;
  conflictChanges?: string[];
}) {
  if (state.status === "done") {
    return (
      <p className="status-message" role="status" tabIndex={-1} ref={resultRef}>
        {state.message}
      </p>
    );
  }
  if (state.status !== "error") return null;
  const fieldMessages = Object.entries(state.fields).map(
    ([path, messages]) => `${labels[path] ?? labels[path.split(".")[0] ?? ""] ?? "Form"}: ${messages.join(" ")}`,
  );
  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={resultRef}>
      <p>{state.message}</p>
      {fieldMessages.length > 0 ? (
        <ul>
          {fieldMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {state.conflict ? <ConflictChanges changes={conflictChanges?.length ? conflictChanges : state.conflict.changes} /> : null}
    </div>
  );
}

function ConflictChanges({ changes }: { changes: string[] }) {
  return (
    <>
      <p>Changed since you opened it:</p>
      <ul className="conflict-changes">
        {changes.length > 0 ? changes.map((change, index) => <li key={index}>{change}</li>) : <li>The letter was edited.</li>}
      </ul>
      <p>What you entered is still here, unsaved. Saving again saves it as you see it, over these changes.</p>
    </>
  );
}
