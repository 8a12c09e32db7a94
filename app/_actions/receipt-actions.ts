import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { formText, requireFormData } from "@/lib/adapters/form-fields";
import { formFailure } from "@/lib/adapters/public-action";
import { revalidateSignaturePages } from "@/lib/adapters/revalidate-letter";
import { changeAppearance } from "@/lib/signatures/receipt/change-appearance";
import { receiptPath } from "@/lib/signatures/receipt/issue-receipt";
import { withdrawByReceipt } from "@/lib/signatures/receipt/withdraw-by-receipt";

export type TReceiptActionState = { status: "idle" } | { status: "error"; message: string };

const postedToken = (posted: FormData) => formText(posted, "token");

/**
 * Each success ends in a redirect back to the receipt (303, with or without JavaScript): the page
 * is read afresh, so it always shows what was saved.
 */
export async function changeAppearanceFromReceipt(posted: unknown): Promise<TReceiptActionState> {
  let done: string;
  try {
    const form = requireFormData(posted);
    const token = postedToken(form);
    const { letterSlug, showName } = await changeAppearance(getDb(), token, { display: formText(form, "display") });
    revalidateSignaturePages(letterSlug);
    done = `${receiptPath(token)}?saved=${showName ? "named" : "anonymous"}`;
  } catch (error) {
    return { status: "error", message: formFailure(error, "Changing a signature's appearance").message };
  }
  redirect(done);
}

export async function withdrawFromReceipt(posted: unknown): Promise<TReceiptActionState> {
  let done: string;
  try {
    const form = requireFormData(posted);
    const token = postedToken(form);
    const { letterSlug } = await withdrawByReceipt(getDb(), token, new Date());
    revalidateSignaturePages(letterSlug);
    done = `${receiptPath(token)}?saved=withdrawn`;
  } catch (error) {
    return { status: "error", message: formFailure(error, "Withdrawing a signature from its receipt").message };
  }
  redirect(done);
}
