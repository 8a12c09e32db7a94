"use client";

import type { ReactNode } from "react";
import { useResultForm } from "@/app/_components/use-result-form";
import type { TActionState } from "@/lib/errors/action-state";

type Props = {
  action: (state: TActionState, formData: FormData) => Promise<TActionState>;
  /** Values the action needs that the organiser does not type (which signature, the filter). */
  hidden?: Record<string, string>;
  label: string;
  workingLabel?: string;
  danger?: boolean;
  className?: string;
  /** Nothing to do right now; the form stays so that the last outcome stays on screen. */
  disabled?: boolean;
  children?: ReactNode;
};

/**
 * A form behind one organiser action. Works without JavaScript (a plain POST to the server
 * action); with it, the outcome is announced in place and the page's data refreshes.
 */
export function OrganiserActionForm({ action, hidden = {}, label, workingLabel, danger, className, disabled, children }: Props) {
  const { state, formAction, pending: working, anchor, resultRef } = useResultForm<TActionState>(action, { status: "idle" });
  const fieldMessages = state.status === "error" ? Object.values(state.fields).flat() : [];
  return (
    <form id={anchor} action={formAction} className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {disabled ? null : children}
      <button type="submit" disabled={working || disabled} className={danger ? "button-danger" : "button-secondary"}>
        {working ? (workingLabel ?? "One moment…") : label}
      </button>
      {state.status === "done" ? (
        <p className="status-message" role="status" tabIndex={-1} ref={resultRef}>
          {state.message}
        </p>
      ) : null}
      {state.status === "error" ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={resultRef}>
          {[state.message, ...fieldMessages].join(" ")}
        </p>
      ) : null}
    </form>
  );
}
