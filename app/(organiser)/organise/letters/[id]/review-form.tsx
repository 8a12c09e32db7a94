import { ActionForm } from "../../../_components/action-form";
import { reviewLetterAction } from "./actions";

/** A platform admin's two answers to a letter in review. */
export function ReviewForm({ letterId }: { letterId: string }) {
  return (
    <>
      <ActionForm action={reviewLetterAction.bind(null, letterId)} submitLabel="Approve and open" labels={{ reason: "Reason" }}>
        <input type="hidden" name="decision" value="approve" />
      </ActionForm>
      <ActionForm action={reviewLetterAction.bind(null, letterId)} submitLabel="Send back" buttonClassName="button-secondary" labels={{ reason: "Reason" }}>
        <input type="hidden" name="decision" value="reject" />
        <div className="field">
          <label htmlFor={`reject-reason-${letterId}`}>What should the organisers change?</label>
          <textarea id={`reject-reason-${letterId}`} name="reason" rows={3} maxLength={2000} />
        </div>
      </ActionForm>
    </>
  );
}
