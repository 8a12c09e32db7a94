import type { Metadata } from "next";
import { formatDate } from "@/lib/wording/format";
import { getDb } from "@/lib/db/client";
import { isPublic } from "@/lib/letters/lifecycle";
import { LETTER_LIMITS } from "@/lib/letters/letter-limits";
import { getLetterForOrganiser } from "@/lib/organisers/get-letter-for-organiser";
import { requireOrganiserPage } from "@/lib/adapters/organiser-page";
import { RespondBy } from "@/app/_components/respond-by";
import { ActionForm } from "../../../../_components/action-form";
import { LetterNav } from "../letter-nav";
import { deleteStatusUpdateAction, postStatusUpdateAction, setDemandStatusAction } from "./actions";

export const metadata: Metadata = { title: "Status", robots: { index: false } };

const DEMAND_STATUSES = [
  ["OPEN", "Open"],
  ["PARTLY_MET", "Partly met"],
  ["MET", "Met"],
  ["REFUSED", "Refused"],
] as const;

const UPDATE_KINDS = [
  ["DELIVERED", "Delivered to the addressee"],
  ["RESPONSE", "Response received"],
  ["VICTORY", "Victory"],
  ["NOTE", "Note"],
] as const;

const KIND_LABELS: Record<string, string> = { PUBLISHED: "Published", DEMAND_CHANGE: "Demand update", ...Object.fromEntries(UPDATE_KINDS) };

/** Where organisers keep the public story true: updates on the timeline, and each demand's status. */
export default async function LetterStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { letter: access, role } = await requireOrganiserPage(id, "EDITOR", `/organise/letters/${id}/status`);
  const letter = await getLetterForOrganiser(getDb(), access.id);
  return (
    <>
      <LetterNav letter={letter} current="/status" role={role} />
      <h1>Status of “{letter.title}”</h1>
      {!isPublic(letter.status) ? (
        <p>Once the letter is published you can post updates here (delivered, response received, victory) and report on each demand.</p>
      ) : (
        <>
          <section aria-labelledby="post-heading" className="card">
            <h2 id="post-heading">Post an update</h2>
            <ActionForm
              action={postStatusUpdateAction.bind(null, letter.id)}
              version={letter.version}
              submitLabel="Post update"
              labels={{ kind: "Kind", body: "Text", occurredAt: "Date", respondBy: "Answer promised by" }}
            >
              <SelectField id="update-kind" name="kind" label="Kind" options={UPDATE_KINDS} defaultValue="DELIVERED" />
              <div className="field">
                <label htmlFor="update-body">Text</label>
                <textarea id="update-body" name="body" rows={4} maxLength={LETTER_LIMITS.statusBody} />
                <p className="hint">For a response, paste or summarise what the addressee said. Shown publicly.</p>
              </div>
              <div className="field">
                <label htmlFor="update-date">Date (optional, defaults to now)</label>
                <input id="update-date" name="occurredAt" type="date" />
              </div>
              <div className="field">
                <label htmlFor="update-respond-by">Answer promised by (optional)</label>
                <input id="update-respond-by" name="respondBy" type="date" aria-describedby="update-respond-by-hint" />
                <p className="hint" id="update-respond-by-hint">
                  If the addressee promised an answer by a date, it is shown on the timeline and put in the letter&apos;s calendar for followers.
                </p>
              </div>
            </ActionForm>
          </section>

          <section aria-labelledby="demands-heading">
            <h2 id="demands-heading">Demands</h2>
            <ol className="editor-list">
              {letter.demands.map((demand, index) => (
                <li key={demand.id} className="card">
                  <p>{demand.text}</p>
                  <ActionForm
                    action={setDemandStatusAction.bind(null, letter.id)}
                    version={letter.version}
                    submitLabel={`Save status of demand ${index + 1}`}
                    labels={{ status: "Status", note: "Note" }}
                  >
                    <input type="hidden" name="demandId" value={demand.id} />
                    <SelectField
                      id={`demand-status-${demand.id}`}
                      name="status"
                      label={`Status of demand ${index + 1}`}
                      options={DEMAND_STATUSES}
                      defaultValue={demand.status}
                    />
                    <div className="field">
                      <label htmlFor={`demand-note-${demand.id}`}>Note for the timeline (optional)</label>
                      <input id={`demand-note-${demand.id}`} name="note" type="text" maxLength={LETTER_LIMITS.statusBody} />
                    </div>
                  </ActionForm>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {letter.statusUpdates.length === 0 ? <p className="muted">No updates yet.</p> : null}
        <ol className="timeline">
          {letter.statusUpdates.map((update) => (
            <li key={update.id} className="timeline-item">
              <p className="timeline-meta">
                <span className="timeline-kind">{KIND_LABELS[update.kind] ?? update.kind}</span>{" "}
                <time dateTime={update.occurredAt.toISOString()}>{formatDate(update.occurredAt)}</time>
                {update.author ? <span className="muted"> · {update.author.email}</span> : null}
              </p>
              <p className="timeline-body">{update.body}</p>
              {update.respondBy ? <RespondBy date={update.respondBy} /> : null}
              {update.authorId && !["PUBLISHED", "DEMAND_CHANGE", "MADE_PUBLIC"].includes(update.kind) ? (
                <ActionForm
                  action={deleteStatusUpdateAction.bind(null, letter.id)}
                  version={letter.version}
                  submitLabel="Remove this update"
                  buttonClassName="button-secondary"
                >
                  <input type="hidden" name="updateId" value={update.id} />
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function SelectField(props: { id: string; name: string; label: string; options: readonly (readonly [string, string])[]; defaultValue: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
