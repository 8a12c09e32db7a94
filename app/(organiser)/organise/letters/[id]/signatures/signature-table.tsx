import type { SignatureState } from "@/lib/db/generated/enums";
import type { TOrganiserSignature } from "@/lib/moderation/list-signatures-for-organisers";
import { formatDateTimeUtc } from "../format-time";
import { OrganiserActionForm } from "../organiser-action-form";
import { invalidateSignatureAction, setCommentHiddenAction, setNameHiddenAction } from "./actions";
import { TableHead } from "../table-head";

export const STATE_LABELS: Record<SignatureState, string> = {
  PENDING: "Pending",
  CONFIRMED: "Confirmed",
  WITHDRAWN: "Withdrawn",
  INVALIDATED: "Invalidated",
};

function SignatureRow({ letterId, signature }: { letterId: string; signature: TOrganiserSignature }) {
  const role = [signature.jobTitle, signature.team].filter(Boolean).join(", ");
  const live = signature.state === "PENDING" || signature.state === "CONFIRMED";
  return (
    <tr>
      <td data-label="Signer">
        <strong>{signature.name ?? "Anonymous"}</strong>
        {signature.nameHidden && signature.name ? <span className="tag"> name hidden</span> : null}
        {role ? <div className="muted">{role}</div> : null}
        <div>@{signature.domain}</div>
      </td>
      <td data-label="State">
        {STATE_LABELS[signature.state]}
        {signature.invalidationReason ? <div className="muted">{signature.invalidationReason}</div> : null}
      </td>
      <td data-label="Signed">
        <time dateTime={signature.createdAt.toISOString()}>{formatDateTimeUtc(signature.createdAt)}</time>
        <div className="muted">
          source <code>{signature.source ?? "–"}</code>
        </div>
      </td>
      <td data-label="Comment">
        {signature.comment ? (
          <>
            {signature.commentHidden ? <span className="tag">hidden </span> : null}
            {signature.comment}
          </>
        ) : null}
      </td>
      <td className="row-actions" data-label="Moderate">
        {signature.name ? (
          <OrganiserActionForm
            action={setNameHiddenAction.bind(null, letterId)}
            hidden={{ signatureId: signature.id, hidden: String(!signature.nameHidden) }}
            label={signature.nameHidden ? "Show name" : "Hide name"}
          />
        ) : null}
        {signature.comment ? (
          <OrganiserActionForm
            action={setCommentHiddenAction.bind(null, letterId)}
            hidden={{ signatureId: signature.id, hidden: String(!signature.commentHidden) }}
            label={signature.commentHidden ? "Show comment" : "Hide comment"}
          />
        ) : null}
        {live ? (
          <details>
            <summary>Invalidate…</summary>
            <OrganiserActionForm action={invalidateSignatureAction.bind(null, letterId)} hidden={{ signatureId: signature.id }} label="Invalidate" danger>
              <label htmlFor={`reason-${signature.id}`}>Reason (shown to co-organisers)</label>
              <input id={`reason-${signature.id}`} name="reason" type="text" required minLength={3} maxLength={500} />
            </OrganiserActionForm>
          </details>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * The organisers' list. Anonymous signers read "Anonymous" here too: their name never reaches
 * this page (see listSignaturesForOrganisers).
 */
export function SignatureTable({ letterId, signatures }: { letterId: string; signatures: TOrganiserSignature[] }) {
  if (signatures.length === 0) return <p className="muted">No signatures here.</p>;
  return (
    <div className="table-scroll">
      <table className="stack-table">
        <TableHead columns={["Signer", "State", "Signed", "Comment", "Moderate"]} />
        <tbody>
          {signatures.map((signature) => (
            <SignatureRow key={signature.id} letterId={letterId} signature={signature} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
