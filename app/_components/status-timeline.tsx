import type { StatusUpdateKind } from "@/lib/db/generated/enums";
import { STATUS_UPDATE_LABELS } from "@/lib/letters/status-update-labels";
import { formatDate } from "@/lib/wording/format";
import { RespondBy } from "./respond-by";

// `respondBy` is optional so that views which do not load it (the receipt's latest updates) still fit.
type Update = { id: string; kind: StatusUpdateKind; body: string; occurredAt: Date; respondBy?: Date | null };

/** Newest first: a visitor wants to know where things stand now. */
export function StatusTimeline({ updates }: { updates: Update[] }) {
  if (updates.length === 0) return <p className="muted">No updates yet.</p>;
  return (
    <ol className="timeline">
      {updates.map((update) => (
        <li key={update.id} id={`update-${update.id}`} className={`timeline-item timeline-${update.kind.toLowerCase()}`}>
          <p className="timeline-meta">
            <span className="timeline-kind">{STATUS_UPDATE_LABELS[update.kind]}</span>
            <time dateTime={update.occurredAt.toISOString()}>{formatDate(update.occurredAt)}</time>
          </p>
          <p className="timeline-body">{update.body}</p>
          {update.respondBy ? <RespondBy date={update.respondBy} /> : null}
        </li>
      ))}
    </ol>
  );
}
