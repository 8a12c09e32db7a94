"use server";

import type { TActionState } from "@/lib/errors/action-state";
import { inviteEditor } from "@/lib/organisers/invite-editor";
import { revokeInvitation } from "@/lib/organisers/revoke-invitation";
import { removeEditor, transferOwnership } from "@/lib/organisers/manage-organisers";
import { runLetterAction } from "@/lib/adapters/organiser-action";
import { formFields } from "@/lib/adapters/form-fields";
import { revalidateLetter } from "@/lib/adapters/revalidate-letter";

export async function inviteEditorAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(inviteEditor, letterId, formFields(formData), () => "Invitation sent.");
  revalidateLetter(letterId);
  return state;
}

export async function revokeInvitationAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(revokeInvitation, letterId, formFields(formData), () => "Invitation withdrawn.");
  revalidateLetter(letterId);
  return state;
}

export async function removeEditorAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(removeEditor, letterId, formFields(formData), () => "Editor removed.");
  revalidateLetter(letterId);
  return state;
}

export async function transferOwnershipAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(transferOwnership, letterId, formFields(formData), () => "Ownership transferred. You are now an editor.");
  revalidateLetter(letterId);
  return state;
}
