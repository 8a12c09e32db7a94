"use client";

import { startTransition, useRef, useState, type FormEvent } from "react";
import { useResultForm } from "@/app/_components/use-result-form";
import { MarkdownBody } from "@/app/_components/markdown";
import { IDLE } from "@/lib/errors/action-state";
import { LETTER_LIMITS } from "@/lib/letters/letter-limits";
import { ActionOutcome } from "../../../_components/action-form";
import { describeDraftChanges, type TDraftActionState, type TDraftState } from "./draft-state";
import { DemandsFieldset, DomainsFieldset, SigningFieldset, type TSectionProps } from "./letter-editor-sections";
import { OrganiserVerificationFieldset } from "./letter-editor-verification";

type Props = {
  action: (state: TDraftActionState, formData: FormData) => Promise<TDraftActionState>;
  /** The draft as saved, and the letter's version it was read at. */
  initial: TDraftState;
  version: number;
};

const LABELS: Record<string, string> = {
  title: "Title",
  slug: "Address",
  addressee: "Addressed to",
  bodyMarkdown: "Letter",
  demands: "Demands",
  domains: "Who may sign",
  goal: "Signature goal",
  closesAt: "Closing date",
  nameThresholds: "Name thresholds",
  teams: "Teams to choose from",
  organiserVerificationInstructions: "Instructions for signers verified by organisers",
};

/** What the server action receives: the draft as JSON, in the shape ZLetterDraft checks. */
function toPayload(draft: TDraftState, version: number): string {
  return JSON.stringify({
    ...draft,
    version,
    goal: draft.goal.trim() === "" ? null : draft.goal,
    // A closing date closes at the end of that day, UTC, whatever the organiser's time zone.
    closesAt: draft.closesAt ? `${draft.closesAt}T23:59:59.000Z` : "",
    nameThresholds: draft.nameThresholds.split(/[\s,]+/).filter(Boolean),
    teams: draft.teams.split("\n"),
    demands: draft.demands.map(({ id, text }) => (id ? { id, text } : { text })),
    domains: draft.domains.map(({ domain, includeSubdomains }) => ({ domain, includeSubdomains })),
  });
}

/**
 * The draft editor: every field of the letter, demands that can be added, reordered and
 * removed, the domains that may sign, and a live preview rendered by the same sanitising
 * component as the public page, so what organisers see is exactly what visitors will see.
 *
 * Each save carries the letter's version the draft was opened at; a co-organiser's save in
 * between makes it refused, with what they changed, and everything typed stays in the form
 * (the next press saves it over their version, knowingly). After a save the page refreshes
 * with the draft as the server stored it (trimmed, domains normalised), and the editor starts
 * again from that: it shows what was saved.
 */
export function LetterEditor({ action, initial, version }: Props) {
  const { state, formAction, pending: saving, anchor, resultRef } = useResultForm(action, IDLE as TDraftActionState);
  const [adopted, setAdopted] = useState(version);
  if (state.status === "done" && state.version === version && adopted !== version) setAdopted(version);
  const baseVersion = state.status === "error" && state.conflict ? state.conflict.version : adopted;
  return (
    <DraftForm
      key={adopted}
      initial={initial}
      baseVersion={baseVersion}
      state={state}
      formAction={formAction}
      saving={saving}
      anchor={anchor}
      resultRef={resultRef}
    />
  );
}

type TDraftFormProps = {
  initial: TDraftState;
  baseVersion: number;
  state: TDraftActionState;
  formAction: (formData: FormData) => void;
  saving: boolean;
  /** From useResultForm: the form's id, and the element that takes focus when the answer comes. */
  anchor: string;
  resultRef: (element: HTMLElement | null) => void;
};

function DraftForm({ initial, baseVersion, state, formAction, saving, anchor, resultRef }: TDraftFormProps) {
  const [draft, setDraft] = useState(initial);
  // The draft as this editor opened it, for "what changed since": a refused save's answer also
  // refreshes the page, so by then `initial` is already the co-organiser's version.
  const [opened] = useState(initial);
  // The draft as of the last keystroke, for the submission: the rendered state can lag behind a
  // change made just before Save is pressed (an e2e run saved the value before the last edit).
  const latest = useRef(initial);
  const errors = state.status === "error" ? state.fields : {};
  const update = (change: (current: TDraftState) => TDraftState) => {
    latest.current = change(latest.current);
    setDraft(latest.current);
  };
  const set = <K extends keyof TDraftState>(key: K, value: TDraftState[K]) => update((current) => ({ ...current, [key]: value }));
  const setFrom = <K extends keyof TDraftState>(key: K, value: (current: TDraftState) => TDraftState[K]) =>
    update((current) => ({ ...current, [key]: value(current) }));
  // The server action itself is the form's action, so React renders the form with a real
  // address (a function of ours would be `action="javascript:…"`, which HTML does not allow).
  // But it is submitted in a transition of our own, with the draft as of the last keystroke:
  // React would follow a form action with a form reset, which puts checkboxes back to how they
  // were first rendered.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData();
    formData.set("payload", toPayload(latest.current, baseVersion));
    startTransition(() => formAction(formData));
  };
  const errorFor = (path: string) =>
    errors[path] ? (
      <p id={`error-${path.replaceAll(".", "-")}`} className="field-error">
        {errors[path].join(" ")}
      </p>
    ) : null;
  const describedBy = (path: string) => (errors[path] ? { "aria-invalid": true, "aria-describedby": `error-${path.replaceAll(".", "-")}` } : {});

  const section: TSectionProps = { draft, set, setFrom, errorFor, describedBy };

  return (
    <form id={anchor} action={formAction} onSubmit={submit} className="letter-editor">
      <fieldset>
        <legend>The letter</legend>
        <div className="field">
          <label htmlFor="letter-title">Title</label>
          <input
            id="letter-title"
            type="text"
            value={draft.title}
            maxLength={LETTER_LIMITS.title}
            onChange={(event) => set("title", event.target.value)}
            {...describedBy("title")}
          />
          {errorFor("title")}
        </div>
        <div className="field">
          <label htmlFor="letter-slug">Address</label>
          <input
            id="letter-slug"
            type="text"
            value={draft.slug}
            maxLength={80}
            onChange={(event) => set("slug", event.target.value)}
            {...describedBy("slug")}
          />
          <p className="hint">The letter will live at /letters/{draft.slug || "…"}. It cannot change once published.</p>
          {errorFor("slug")}
        </div>
        <div className="field">
          <label htmlFor="letter-addressee">Addressed to</label>
          <input
            id="letter-addressee"
            type="text"
            value={draft.addressee}
            maxLength={LETTER_LIMITS.addressee}
            onChange={(event) => set("addressee", event.target.value)}
            {...describedBy("addressee")}
          />
          {errorFor("addressee")}
        </div>
        <div className="field">
          <label htmlFor="letter-body">Letter (Markdown)</label>
          <textarea
            id="letter-body"
            rows={14}
            value={draft.bodyMarkdown}
            maxLength={LETTER_LIMITS.body}
            onChange={(event) => set("bodyMarkdown", event.target.value)}
            {...describedBy("bodyMarkdown")}
          />
          <p className="hint">**bold**, _italic_, [links](https://example.org), lists and quotes. No images or HTML.</p>
          {errorFor("bodyMarkdown")}
        </div>
        <section aria-labelledby="preview-heading" className="card">
          <h2 id="preview-heading">Preview</h2>
          <MarkdownBody source={draft.bodyMarkdown || "_Nothing written yet._"} />
        </section>
      </fieldset>

      <DemandsFieldset {...section} />
      <DomainsFieldset {...section} />
      <SigningFieldset {...section} />
      <OrganiserVerificationFieldset {...section} />

      <div className="organiser-toolbar">
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save draft"}
        </button>
        <ActionOutcome
          state={state}
          labels={LABELS}
          resultRef={resultRef}
          conflictChanges={state.current ? describeDraftChanges(opened, state.current) : undefined}
        />
      </div>
    </form>
  );
}
