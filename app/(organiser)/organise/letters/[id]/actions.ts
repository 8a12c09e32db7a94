"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { TActionState } from "@/lib/errors/action-state";
import { closeLetter } from "@/lib/letters/close-letter";
import { deleteLetter } from "@/lib/letters/delete-letter";
import { publishLetter } from "@/lib/letters/publish-letter";
import { withdrawFromReview } from "@/lib/letters/withdraw-from-review";
import { reviewLetter } from "@/lib/letters/review-letter";
import { saveDraft } from "@/lib/letters/save-draft";
import { updateOpenLetter } from "@/lib/letters/update-open-letter";
import { makeLetterPublic } from "@/lib/letters/quiet-launch/make-letter-public";
import { setQuietLaunch } from "@/lib/letters/quiet-launch/set-quiet-launch";
import { getLetterForOrganiser } from "@/lib/organisers/get-letter-for-organiser";
import { runLetterAction } from "@/lib/adapters/organiser-action";
import { formFields, formText, jsonPayload } from "@/lib/adapters/form-fields";
import { revalidateLetter } from "@/lib/adapters/revalidate-letter";
import { toDraftState, type TDraftActionState } from "./draft-state";

export async function saveDraftAction(letterId: string, _state: TDraftActionState, formData: FormData): Promise<TDraftActionState> {
  const state = await runLetterAction(saveDraft, letterId, jsonPayload(formData), () => "Draft saved.");
  revalidateLetter(letterId);
  // Refused as stale: the editor shows what changed against the draft as it is saved now. The
  // organiser's role was checked by the action just refused.
  if (state.status === "error" && state.conflict) return { ...state, current: toDraftState(await getLetterForOrganiser(getDb(), letterId)) };
  return state;
}

export async function publishLetterAction(letterId: string, _state: TActionState): Promise<TActionState> {
  const state = await runLetterAction(publishLetter, letterId, {}, ({ status }) =>
    status === "OPEN" ? "Published: the letter is open for signatures." : "Sent for review: an admin will approve it or tell you what to change.",
  );
  revalidateLetter(letterId, { publicPage: true });
  return state;
}

export async function withdrawFromReviewAction(letterId: string, _state: TActionState): Promise<TActionState> {
  const state = await runLetterAction(withdrawFromReview, letterId, {}, () => "Taken back from review: it is a draft again.");
  revalidateLetter(letterId);
  return state;
}

export async function reviewLetterAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(reviewLetter, letterId, formFields(formData), (decision) =>
    decision === "approve" ? "Approved: the letter is open." : "Sent back to its organisers with your reason.",
  );
  revalidateLetter(letterId, { publicPage: true });
  revalidatePath("/organise/review");
  return state;
}

export async function updateOpenLetterAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const closesOn = formText(formData, "closesOn");
  const goal = formText(formData, "goal").trim();
  const state = await runLetterAction(
    updateOpenLetter,
    letterId,
    {
      goal: goal === "" ? null : goal,
      closesAt: closesOn ? `${closesOn}T23:59:59.000Z` : "",
      // Only on letters that offer organiser verification does the form carry this field.
      organiserVerificationInstructions: formData.has("organiserVerificationInstructions")
        ? formText(formData, "organiserVerificationInstructions")
        : undefined,
      version: formText(formData, "version"),
    },
    () => "Saved.",
  );
  revalidateLetter(letterId, { publicPage: true });
  return state;
}

export async function closeLetterAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(closeLetter, letterId, formFields(formData), () => "Closed: the letter no longer accepts signatures.");
  revalidateLetter(letterId, { publicPage: true });
  return state;
}

export async function setQuietLaunchAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(
    setQuietLaunch,
    letterId,
    { visibility: formData.get("visibility"), listAtSignatures: formData.get("listAtSignatures") ?? "", version: formData.get("version") },
    ({ listed }) => (listed ? "Saved: the letter is listed." : "Saved: the letter is unlisted."),
  );
  // Making it public changes the lists and the letter's pages (their noindex).
  revalidateLetter(letterId, { publicPage: true });
  return state;
}

export async function makeLetterPublicAction(letterId: string, _state: TActionState): Promise<TActionState> {
  const state = await runLetterAction(makeLetterPublic, letterId, {}, () => "Public: the letter is now listed and open to search engines.");
  revalidateLetter(letterId, { publicPage: true });
  return state;
}

export async function deleteLetterAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(deleteLetter, letterId, formFields(formData), () => "Deleted.");
  if (state.status === "done") redirect("/organise");
  return state;
}
