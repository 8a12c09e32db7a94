"use server";

import type { TActionState } from "@/lib/errors/action-state";
import { postStatusUpdate } from "@/lib/letters/post-status-update";
import { deleteStatusUpdate } from "@/lib/letters/delete-status-update";
import { setDemandStatus } from "@/lib/letters/set-demand-status";
import { runLetterAction } from "@/lib/adapters/organiser-action";
import { formFields } from "@/lib/adapters/form-fields";
import { revalidateLetter } from "@/lib/adapters/revalidate-letter";

export async function postStatusUpdateAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(postStatusUpdate, letterId, formFields(formData), () => "Update posted.");
  revalidateLetter(letterId, { publicPage: true });
  return state;
}

export async function deleteStatusUpdateAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(deleteStatusUpdate, letterId, formFields(formData), () => "Update removed.");
  revalidateLetter(letterId, { publicPage: true });
  return state;
}

export async function setDemandStatusAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(setDemandStatus, letterId, formFields(formData), () => "Demand status saved.");
  revalidateLetter(letterId, { publicPage: true });
  return state;
}
