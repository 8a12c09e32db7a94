"use client";

import type { ReactNode } from "react";
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
  children?: ReactNode;
};

/**
 * A form whose server action answers with TActionState: the outcome is announced (status or
 * alert) next to the button, and each field error names its field. Works without JavaScript too.
 */
export function ActionForm({ action, submitLabel, workingLabel = "Working…", className, buttonClassName, labels = {}, children }: Props) {
  const { state, formAction, pending: working, anchor, resultRef } = useResultForm(action, IDLE);
  return (
    <form id={anchor} action={formAction} className={className}>
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

/** `resultRef` (from useResultForm) takes focus when an outcome arrives. */
export function ActionOutcome({ state, labels = {}, resultRef }: { state: TActionState; labels?: Record<string, string>; resultRef?: (element: HTMLElement | null) => void }) {
  if (state.status === "done") {
    return (
      <p className="status-message" role="status" tabIndex={-1} ref={resultRef}>
        {state.message}
      </p>
    );
  }
  if (state.status !== "error") return null;
  const fieldMessages = Object.entries(state.fields).map(([path, messages]) => `${labels[path] ?? labels[path.split(".")[0] ?? ""] ?? "Form"}: ${messages.join(" ")}`);
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
    </div>
  );
}
