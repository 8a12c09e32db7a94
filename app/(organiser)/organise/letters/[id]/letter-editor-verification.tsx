import type { TSectionProps } from "./letter-editor-sections";
import { LETTER_LIMITS } from "@/lib/letters/letter-limits";

/** Verification by organisers, for signers who will not receive mail at work, and its instructions. */
export function OrganiserVerificationFieldset({ draft, set, errorFor, describedBy }: TSectionProps) {
  return (
    <fieldset>
      <legend>Signers who will not receive mail at work</legend>
      <label className="choice">
        <input type="checkbox" checked={draft.organiserVerification ?? false} onChange={(event) => set("organiserVerification", event.target.checked)} /> Let
        signers be verified by the organisers instead of by a work email
      </label>
      <p className="hint">
        Such a signer names the domain they claim and gets a code on screen; they show it to you with proof of employment (a staff badge, say), and you verify
        it on the letter&rsquo;s &ldquo;Verify a code&rdquo; page. You will learn who they are. No address ties these signatures together: your check is the
        only guard against someone signing twice. The public sees them as &ldquo;verified by organisers&rdquo;, counted apart.
      </p>
      {draft.organiserVerification ? (
        <div className="field">
          <label htmlFor="letter-organiser-instructions">How signers reach you with their code</label>
          <textarea
            id="letter-organiser-instructions"
            rows={3}
            maxLength={LETTER_LIMITS.organiserVerificationInstructions}
            value={draft.organiserVerificationInstructions ?? ""}
            onChange={(event) => set("organiserVerificationInstructions", event.target.value)}
            {...describedBy("organiserVerificationInstructions")}
          />
          <p className="hint">
            Shown with the code. For example: &ldquo;Send a photo of your staff badge with this code to our Signal number +1 555 0100.&rdquo;
          </p>
          {errorFor("organiserVerificationInstructions")}
        </div>
      ) : null}
    </fieldset>
  );
}
