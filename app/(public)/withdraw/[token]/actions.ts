"use server";

import type { TTokenActionState } from "@/app/_components/token-action-state";
import { withdrawFromLink } from "@/app/_actions/token-actions";

export async function withdrawAction(_state: TTokenActionState, posted: FormData): Promise<TTokenActionState> {
  return withdrawFromLink(posted);
}
