import type { Metadata } from "next";
import Link from "next/link";
import { DemandList } from "@/app/_components/demand-list";
import { formatCount } from "@/lib/wording/format";
import { MarkdownBody } from "@/app/_components/markdown";
import { countOf, NOUNS } from "@/lib/wording/plural";
import { LetterStatusBadge } from "@/app/_components/status-badge";
import { getDb } from "@/lib/db/client";
import { CONFIRM_CLOSE } from "@/lib/letters/close-letter";
import { describeAllowedDomains } from "@/lib/letters/domain-policy";
import { publishRequirements } from "@/lib/letters/publish-requirements";
import { getLetterForOrganiser, type TOrganiserLetter } from "@/lib/organisers/get-letter-for-organiser";
import { hasRole, type TLetterRole } from "@/lib/auth/roles";
import { requireOrganiserPage } from "@/lib/adapters/organiser-page";
import { ActionForm } from "../../../_components/action-form";
import { closeLetterAction, publishLetterAction, saveDraftAction, updateOpenLetterAction, withdrawFromReviewAction } from "./actions";
import { toDraftState } from "./draft-state";
import { LetterEditor } from "./letter-editor";
import { ReviewForm } from "./review-form";
import { LetterNav } from "./letter-nav";
import { VisibilityCard } from "./visibility-card";

export const metadata: Metadata = { title: "Edit letter", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function OrganiserLetterPage({ params }: Props) {
  const { id } = await params;
  const { letter: access, role } = await requireOrganiserPage(id, "EDITOR", `/organise/letters/${id}`);
  const letter = await getLetterForOrganiser(getDb(), access.id);
  return (
    <>
      <LetterNav letter={letter} current="" role={role} />
      <h1>{letter.title}</h1>
      <p>
        <LetterStatusBadge status={letter.status} /> · {countOf(letter.total, NOUNS.verifiedSignature)}
        {letter.goal ? ` of ${formatCount(letter.goal)}` : ""}
      </p>
      {letter.status === "DRAFT" ? <DraftSection letter={letter} role={role} /> : <PublishedSection letter={letter} role={role} />}
    </>
  );
}

function DraftSection({ letter, role }: { letter: TOrganiserLetter; role: TLetterRole }) {
  const missing = Object.values(publishRequirements(letter, new Date())).flat();
  return (
    <>
      {letter.reviewNote ? (
        <div className="form-error" role="note">
          <p>
            <strong>Sent back by review:</strong> {letter.reviewNote}
          </p>
        </div>
      ) : null}
      <LetterEditor action={saveDraftAction.bind(null, letter.id)} initial={toDraftState(letter)} version={letter.version} />
      <VisibilityCard letter={letter} isOwner={hasRole(role, "OWNER")} />
      <section aria-labelledby="publish-heading" className="card">
        <h2 id="publish-heading">Publish</h2>
        {missing.length > 0 ? (
          <>
            <p>Before publishing (save the draft first):</p>
            <ul>
              {missing.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Once published, the letter&apos;s words and address are fixed: people will sign them.</p>
        )}
        {hasRole(role, "OWNER") ? (
          <ActionForm action={publishLetterAction.bind(null, letter.id)} submitLabel="Publish letter" workingLabel="Publishing…" />
        ) : (
          <p className="muted">Only the letter&apos;s owner can publish it.</p>
        )}
      </section>
    </>
  );
}

function PublishedSection({ letter, role }: { letter: TOrganiserLetter; role: TLetterRole }) {
  const isOwner = hasRole(role, "OWNER");
  return (
    <>
      {letter.status === "IN_REVIEW" ? (
        <section aria-labelledby="review-heading" className="card">
          <h2 id="review-heading">Waiting for review</h2>
          <p>A platform admin will approve the letter, or send it back with what to change.</p>
          {isOwner ? (
            <ActionForm
              action={withdrawFromReviewAction.bind(null, letter.id)}
              submitLabel="Take back to edit"
              className="no-print"
              buttonClassName="button-secondary"
            />
          ) : null}
          {role === "ADMIN" ? <ReviewForm letterId={letter.id} /> : null}
        </section>
      ) : null}
      {letter.status === "OPEN" ? (
        <p className="status-message">
          Live at <Link href={`/letters/${letter.slug}`}>{`/letters/${letter.slug}`}</Link>: share it with your colleagues.
        </p>
      ) : null}
      <VisibilityCard letter={letter} isOwner={isOwner} />
      {letter.status === "OPEN" ? (
        <section aria-labelledby="settings-heading" className="card">
          <h2 id="settings-heading">Goal and closing date</h2>
          <ActionForm
            action={updateOpenLetterAction.bind(null, letter.id)}
            version={letter.version}
            submitLabel="Save"
            labels={{ goal: "Goal", closesAt: "Closing date", organiserVerificationInstructions: "Instructions" }}
          >
            <div className="field">
              <label htmlFor="open-goal">Signature goal</label>
              <input id="open-goal" name="goal" type="number" min={1} defaultValue={letter.goal ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="open-closes">Closing date (end of day, UTC)</label>
              <input id="open-closes" name="closesOn" type="date" defaultValue={letter.closesAt?.toISOString().slice(0, 10) ?? ""} />
            </div>
            {letter.organiserVerification ? (
              <div className="field">
                <label htmlFor="open-organiser-instructions">How signers verified by organisers reach you with their code</label>
                <textarea
                  id="open-organiser-instructions"
                  name="organiserVerificationInstructions"
                  rows={3}
                  defaultValue={letter.organiserVerificationInstructions}
                />
              </div>
            ) : null}
          </ActionForm>
          {isOwner ? (
            <>
              <h3>Close the letter</h3>
              <p>Closing is final: the total is frozen and nobody else can sign.</p>
              <ActionForm
                action={closeLetterAction.bind(null, letter.id)}
                submitLabel="Close to signatures"
                buttonClassName="button-danger"
                labels={{ confirm: "Confirmation" }}
              >
                <div className="field">
                  <label className="choice">
                    <input name="confirm" type="checkbox" value={CONFIRM_CLOSE} required /> Yes, close it for good: nobody else can sign
                  </label>
                </div>
              </ActionForm>
            </>
          ) : null}
        </section>
      ) : null}
      <article className="card">
        <p className="addressee">To: {letter.addressee}</p>
        <MarkdownBody source={letter.bodyMarkdown} />
        <h2>Demands</h2>
        <DemandList demands={letter.demands} />
        <p className="muted">Open to {describeAllowedDomains({ openToAnyDomain: letter.openToAnyDomain, rules: letter.domainRules })}.</p>
      </article>
    </>
  );
}
