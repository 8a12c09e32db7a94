import { ActionForm } from "../../../_components/action-form";
import { MAX_LIST_AT_SIGNATURES } from "@/lib/letters/quiet-launch/quiet-launch-input";
import type { TOrganiserLetter } from "@/lib/organisers/get-letter-for-organiser";
import { makeLetterPublicAction, setQuietLaunchAction } from "./actions";
import { OrganiserActionForm } from "./organiser-action-form";
import { describeVisibility } from "./describe-visibility";

/**
 * Quiet launch: who can find the letter, and (for its owners) the setting and "Make public now".
 * Editors see the state; only an owner may change it, as only an owner may publish.
 */
export function VisibilityCard({ letter, isOwner }: { letter: TOrganiserLetter; isOwner: boolean }) {
  const published = letter.status === "OPEN" || letter.status === "CLOSED";
  // Before publishing everything may change; an open, unlisted letter may move its threshold;
  // a public letter stays public; a closed one keeps its setting.
  const mayChooseListing = !published;
  const mayMoveThreshold = mayChooseListing || (letter.status === "OPEN" && !letter.listed);
  return (
    <section aria-labelledby="visibility-heading" className="card">
      <h2 id="visibility-heading">Who can find it</h2>
      <p data-testid="visibility-state">{describeVisibility(letter)}</p>
      {isOwner && mayMoveThreshold ? (
        <ActionForm
          action={setQuietLaunchAction.bind(null, letter.id)}
          version={letter.version}
          submitLabel="Save visibility"
          labels={{ visibility: "Visibility", listAtSignatures: "Goes public at" }}
        >
          {mayChooseListing ? (
            <fieldset>
              <legend>Visibility</legend>
              <label className="choice">
                <input type="radio" name="visibility" value="listed" defaultChecked={letter.listed} /> Listed: on the home page, in search, the sitemap and
                feeds as soon as it is published
              </label>
              <label className="choice">
                <input type="radio" name="visibility" value="unlisted" defaultChecked={!letter.listed} /> Unlisted: open to anyone with the link, but in no list
                and hidden from search engines until it goes public (a quiet launch, to gather colleagues first)
              </label>
            </fieldset>
          ) : (
            <input type="hidden" name="visibility" value="unlisted" />
          )}
          <div className="field">
            <label htmlFor="list-at-signatures">Go public automatically at this many verified signatures (leave empty to decide by hand)</label>
            <input
              id="list-at-signatures"
              name="listAtSignatures"
              type="number"
              min={1}
              max={MAX_LIST_AT_SIGNATURES}
              step={1}
              defaultValue={letter.listAtSignatures ?? ""}
            />
          </div>
        </ActionForm>
      ) : null}
      {isOwner && published && (!letter.listed || letter.listedAt) ? (
        // Kept (disabled) once the letter is public, so that the outcome of the press stays on screen.
        <OrganiserActionForm
          action={makeLetterPublicAction.bind(null, letter.id)}
          label={letter.listed ? "Made public" : "Make public now"}
          workingLabel="Making public…"
          disabled={letter.listed}
        />
      ) : null}
      {!isOwner && (mayMoveThreshold || (published && !letter.listed)) ? (
        <p className="muted">Only the letter&apos;s owner can change who can find it.</p>
      ) : null}
    </section>
  );
}
