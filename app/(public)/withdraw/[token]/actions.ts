"use server";

import type { TTokenActionState } from "@/app/_components/token-action-state";
import { withdrawFromLink } from "@/app/_server/token-actions";

export async function withdrawAction(_state: TTokenActionState, formData: FormData): Promise<TTokenActionState> {
  return withdrawFromLink(String(formData.get("token") ?? ""));
}
