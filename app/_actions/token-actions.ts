import "server-only";
import type { TTokenActionState } from "@/app/_components/token-action-state";
import { getExactDomainTotal, getExactLetterTotal } from "@/lib/counts/get-letter-total";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/config/env";
import { formText, requireFormData } from "@/lib/adapters/form-fields";
import { formFailure } from "@/lib/adapters/public-action";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { receiptPath } from "@/lib/signatures/receipt/issue-receipt";
import { withdrawSignature } from "@/lib/signatures/withdraw-signature";
import { countOf, NOUNS } from "@/lib/wording/plural";
import { describeNameProgress } from "./name-progress";

function failure(error: unknown, context: string): TTokenActionState {
  return { status: "error", message: formFailure(error, context).message };
}

/** The token a confirm or withdraw button posts back. */
const postedToken = (posted: unknown) => formText(requireFormData(posted), "token");

export async function confirmFromLink(posted: FormData): Promise<TTokenActionState> {
  try {
    const rawToken = postedToken(posted);
    const db = getDb();
    const { outcome, letter, receipt, waitingForName } = await confirmSignature(db, rawToken, new Date());
    const total = await getExactLetterTotal(db, letter.id);
    const nameProgress = waitingForName ? describeNameProgress(waitingForName, await getExactDomainTotal(db, letter.id, waitingForName.domain)) : undefined;
    return {
      status: "done",
      heading: outcome === "confirmed" ? "Your signature is confirmed" : "This address had already signed",
      message: `${outcome === "confirmed" ? "It counts: " : "Nothing changed: a confirmed signature stays as it was. "}${countOf(total, NOUNS.verifiedSignature)} so far.`,
      shareUrl: `${getEnv().APP_URL}/letters/${letter.slug}`,
      letter: { slug: letter.slug, title: letter.title },
      receiptUrl: receipt ? `${getEnv().APP_URL}${receiptPath(receipt)}` : undefined,
      ...(nameProgress ? { nameProgress } : {}),
    };
  } catch (error) {
    return failure(error, "Confirming a signature");
  }
}

export async function withdrawFromLink(posted: FormData): Promise<TTokenActionState> {
  try {
    const rawToken = postedToken(posted);
    const { outcome, letter } = await withdrawSignature(getDb(), rawToken, new Date());
    return {
      status: "done",
      heading: outcome === "withdrawn" ? "Your signature is withdrawn" : "Your signature was already withdrawn",
      message: "It no longer counts and no longer appears on the letter.",
      letter,
    };
  } catch (error) {
    return failure(error, "Withdrawing a signature");
  }
}
