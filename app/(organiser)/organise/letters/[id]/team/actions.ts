"use server";

import { revalidatePath } from "next/cache";
import type { TActionState } from "@/lib/errors/action-state";
import { inviteEditor, revokeInvitation } from "@/lib/organisers/invite-editor";
import { removeEditor, transferOwnership } from "@/lib/organisers/manage-organisers";
import { runLetterAction } from "@/lib/server/organiser";

const fieldsOf = (formData: FormData) => Object.fromEntries([...formData].filter(([key]) => !key.startsWith("$")));

async function refreshAfter(letterId: string, state: Promise<TActionState>): Promise<TActionState> {
  const outcome = await state;
  revalidatePath(`/organise/letters/${letterId}`, "layout");
  return outcome;
}

export async function inviteEditorAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  return refreshAfter(letterId, runLetterAction(inviteEditor, letterId, fieldsOf(formData), () => "Invitation sent."));
}

export async function revokeInvitationAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  return refreshAfter(letterId, runLetterAction(revokeInvitation, letterId, fieldsOf(formData), () => "Invitation withdrawn."));
}

export async function removeEditorAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  return refreshAfter(letterId, runLetterAction(removeEditor, letterId, fieldsOf(formData), () => "Editor removed."));
}

export async function transferOwnershipAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  return refreshAfter(letterId, runLetterAction(transferOwnership, letterId, fieldsOf(formData), () => "Ownership transferred. You are now an editor."));
}
