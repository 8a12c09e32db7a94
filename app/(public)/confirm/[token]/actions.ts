"use server";

import type { TTokenActionState } from "@/app/_components/token-action-state";
import { confirmFromLink } from "@/app/_actions/token-actions";

export async function confirmAction(_state: TTokenActionState, posted: FormData): Promise<TTokenActionState> {
  return confirmFromLink(posted);
}
