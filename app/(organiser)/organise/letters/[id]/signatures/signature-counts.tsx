import Link from "next/link";
import { formatCount } from "@/lib/wording/format";
import type { TSignatureCounts } from "@/lib/moderation/count-signatures";
import type { TBusySource } from "@/lib/moderation/list-busy-sources";
import { TableHead } from "../table-head";
import { STATE_LABELS } from "./signature-table";

const STATES = ["PENDING", "CONFIRMED", "WITHDRAWN", "INVALIDATED"] as const;

/** Totals by state and domain, and the sources worth a second look. */
export function SignatureCounts({ counts, sources, signaturesPath }: { counts: TSignatureCounts; sources: TBusySource[]; signaturesPath: string }) {
  return (
    <>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">Counts</h2>
        <dl className="state-counts">
          {STATES.map((state) => (
            <div key={state}>
              <dt>{STATE_LABELS[state]}</dt>
              <dd data-testid={`count-${state.toLowerCase()}`}>{formatCount(counts.byState[state])}</dd>
            </div>
          ))}
        </dl>
        {counts.byDomain.length > 0 ? (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Signatures by domain</caption>
              <TableHead columns={["Domain", ...STATES.map((state) => STATE_LABELS[state])]} />
              <tbody>
                {counts.byDomain.map((row) => (
                  <tr key={row.domain}>
                    <th scope="row">@{row.domain}</th>
                    {STATES.map((state) => (
                      <td key={state}>{formatCount(row[state])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources with many signatures (last 24 hours)</h2>
        <p className="muted">
          A source is one network address, shown as a label that means nothing outside this letter. One office can be one source; one source signing as many
          people at many domains is worth a look.
        </p>
        {sources.length === 0 ? (
          <p>No source has sent more than one signature in the last 24 hours.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <TableHead
                columns={[
                  "Source",
                  "Signatures",
                  "Domains",
                  <span className="visually-hidden" key="action">
                    Action
                  </span>,
                ]}
              />
              <tbody>
                {sources.map((source) => (
                  <tr key={source.label}>
                    <td>
                      <code>{source.label}</code>
                    </td>
                    <td>{formatCount(source.signatures)}</td>
                    <td>{source.domains.map((domain) => `@${domain}`).join(", ")}</td>
                    <td>
                      <Link href={`${signaturesPath}?${new URLSearchParams({ source: source.label })}#bulk`}>Preview invalidating</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
