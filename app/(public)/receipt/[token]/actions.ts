"use server";

import { changeAppearanceFromReceipt, withdrawFromReceipt, type TReceiptActionState } from "@/app/_actions/receipt-actions";

export async function changeAppearanceAction(_state: TReceiptActionState, posted: FormData): Promise<TReceiptActionState> {
  return changeAppearanceFromReceipt(posted);
}

export async function withdrawAction(_state: TReceiptActionState, posted: FormData): Promise<TReceiptActionState> {
  return withdrawFromReceipt(posted);
}
