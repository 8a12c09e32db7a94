"use server";

import { redirect } from "next/navigation";
import type { TActionState } from "@/lib/errors/action-state";
import { createLetter } from "@/lib/letters/create-letter";
import { runAccountAction } from "@/lib/server/organiser";

export async function createLetterAction(_state: TActionState, formData: FormData): Promise<TActionState> {
  const outcome = await runAccountAction(createLetter, { title: formData.get("title") });
  if (!outcome.ok) return outcome.state;
  redirect(`/organise/letters/${outcome.result.id}`);
}
