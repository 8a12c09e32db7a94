"use server";

import { revalidatePath } from "next/cache";
import type { TActionState } from "@/lib/errors/action-state";
import { deleteStatusUpdate, postStatusUpdate } from "@/lib/letters/post-status-update";
import { setDemandStatus } from "@/lib/letters/set-demand-status";
import { runLetterAction } from "@/lib/server/organiser";

const fieldsOf = (formData: FormData) => Object.fromEntries([...formData].filter(([key]) => !key.startsWith("$")));

/** The public letter page shows updates and demand statuses too, so both are refreshed. */
async function refreshAfter(letterId: string, state: Promise<TActionState>): Promise<TActionState> {
  const outcome = await state;
  revalidatePath(`/organise/letters/${letterId}`, "layout");
  revalidatePath("/letters/[slug]", "page");
  return outcome;
}

export async function postStatusUpdateAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  return refreshAfter(letterId, runLetterAction(postStatusUpdate, letterId, fieldsOf(formData), () => "Update posted."));
}

export async function deleteStatusUpdateAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  return refreshAfter(letterId, runLetterAction(deleteStatusUpdate, letterId, fieldsOf(formData), () => "Update removed."));
}

export async function setDemandStatusAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  return refreshAfter(letterId, runLetterAction(setDemandStatus, letterId, fieldsOf(formData), () => "Demand status saved."));
}
