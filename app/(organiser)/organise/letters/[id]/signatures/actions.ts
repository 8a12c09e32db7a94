"use server";

import { countOf, NOUNS } from "@/lib/wording/plural";
import type { TActionState } from "@/lib/errors/action-state";
import { bulkInvalidateSignatures } from "@/lib/moderation/bulk-invalidate-signatures";
import { invalidateSignature } from "@/lib/moderation/invalidate-signature";
import { setSignatureCommentHidden, setSignatureNameHidden } from "@/lib/moderation/set-signature-visibility";
import { runLetterAction } from "@/lib/adapters/organiser-action";
import { formText, formTexts } from "@/lib/adapters/form-fields";
import { revalidateLetter } from "@/lib/adapters/revalidate-letter";

// A hidden name or an invalidated signature changes the public list and total at once.
const refresh = (letterId: string) => revalidateLetter(letterId, { publicPage: true });

export async function setNameHiddenAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(setSignatureNameHidden, letterId, formTexts(formData, ["signatureId", "hidden"]), ({ hidden }) =>
    hidden ? "Name hidden: the public list shows “Anonymous”." : "Name shown again.",
  );
  refresh(letterId);
  return state;
}

export async function setCommentHiddenAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(setSignatureCommentHidden, letterId, formTexts(formData, ["signatureId", "hidden"]), ({ hidden }) =>
    hidden ? "Comment hidden." : "Comment shown again.",
  );
  refresh(letterId);
  return state;
}

export async function invalidateSignatureAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(invalidateSignature, letterId, formTexts(formData, ["signatureId", "reason"]), ({ outcome, wasCounted }) =>
    outcome === "already-invalidated" ? "It was already invalidated." : wasCounted ? "Invalidated: it no longer counts." : "Invalidated.",
  );
  refresh(letterId);
  return state;
}

export async function bulkInvalidateAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const input = { filter: formTexts(formData, ["domain", "from", "to", "source"]), reason: formText(formData, "reason") };
  const state = await runLetterAction(
    bulkInvalidateSignatures,
    letterId,
    input,
    ({ total, confirmed, pending }) => `Invalidated ${countOf(total, NOUNS.signature)} (${confirmed} confirmed, ${pending} pending).`,
  );
  refresh(letterId);
  return state;
}
