import Link from "next/link";
import type { TBulkPreview } from "@/lib/moderation/preview-bulk-invalidation";
import { filterParams, type TSignatureFilter } from "@/lib/moderation/signature-filter";
import { toDateTimeLocalUtc } from "../format-time";
import { countOf, NOUNS } from "@/lib/wording/plural";
import { OrganiserActionForm } from "../organiser-action-form";
import { bulkInvalidateAction } from "./actions";

type Props = {
  letterId: string;
  /** What the organiser typed, to put back in the fields. */
  raw: { domain: string; from: string; to: string; source: string };
  /** The parsed filter and its preview, or the reason it could not be parsed. */
  result: { filter: TSignatureFilter; preview: TBulkPreview } | { error: string } | null;
  mayRun: boolean;
};

const asLocal = (value: string) => {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) && value.endsWith("Z") ? toDateTimeLocalUtc(date) : value;
};

/**
 * Bulk invalidation in two steps: a GET that previews what a filter matches (safe to reload,
 * to share with a co-organiser), then a POST that carries exactly that filter and a reason.
 */
export function BulkInvalidationPanel({ letterId, raw, result, mayRun }: Props) {
  return (
    <section aria-labelledby="bulk-heading" id="bulk">
      <h2 id="bulk-heading">Invalidate many signatures</h2>
      <p className="muted">Pending and confirmed signatures matching every field you fill. Preview first; times are UTC, from inclusive, to exclusive.</p>
      <form method="get" action={`/organise/letters/${letterId}/signatures#bulk`} className="bulk-filter">
        <label htmlFor="bulk-domain">Domain</label>
        <input id="bulk-domain" name="domain" type="text" defaultValue={raw.domain} placeholder="example.com" />
        <label htmlFor="bulk-from">Submitted from (UTC)</label>
        <input id="bulk-from" name="from" type="datetime-local" defaultValue={asLocal(raw.from)} />
        <label htmlFor="bulk-to">Submitted before (UTC)</label>
        <input id="bulk-to" name="to" type="datetime-local" defaultValue={asLocal(raw.to)} />
        <label htmlFor="bulk-source">Source label</label>
        <input id="bulk-source" name="source" type="text" defaultValue={raw.source} placeholder="8 characters, e.g. 0badc0de" />
        <div className="organiser-toolbar">
          <button type="submit" className="button-secondary">
            Preview
          </button>
          <Link href={`/organise/letters/${letterId}/signatures#bulk`}>Clear</Link>
        </div>
      </form>
      {result && "error" in result ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      {result && "preview" in result ? (
        <div className="card" data-testid="bulk-preview">
          <p role="status">
            {result.preview.total === 0
              ? "No pending or confirmed signature matches this filter."
              : `This would invalidate ${countOf(result.preview.total, NOUNS.signature)}: ${result.preview.confirmed} confirmed, ${result.preview.pending} pending.`}
          </p>
          {mayRun ? (
            // Rendered even when nothing matches any more, so that the outcome of the run that
            // emptied this preview stays on screen.
            <OrganiserActionForm
              action={bulkInvalidateAction.bind(null, letterId)}
              hidden={filterParams(result.filter)}
              label={result.preview.total === 0 ? "Nothing to invalidate" : `Invalidate ${countOf(result.preview.total, NOUNS.signature)}`}
              disabled={result.preview.total === 0}
              danger
            >
              <label htmlFor="bulk-reason">Reason (shown to co-organisers)</label>
              <input id="bulk-reason" name="reason" type="text" required minLength={3} maxLength={500} />
            </OrganiserActionForm>
          ) : null}
          {result.preview.total > 0 && !mayRun ? <p className="muted">Only the letter&apos;s owner can run a bulk invalidation.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
