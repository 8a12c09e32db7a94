"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/errors/action-state";
import { createLetter } from "@/lib/letters/create-letter";
import { formText } from "@/lib/adapters/form-fields";
import { runAccountAction } from "@/lib/adapters/organiser-action";

export async function createLetterAction(_state: TActionState, formData: FormData): Promise<TActionState> {
  const outcome = await runAccountAction(createLetter, { title: formText(formData, "title") });
  if (!outcome.ok) return outcome.state;
  redirect(`/organise/letters/${outcome.result.id}`);
}
