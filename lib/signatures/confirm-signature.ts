import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { takesSignatures } from "@/lib/letters/lifecycle";
import { confirmPendingSignature } from "./confirm-pending-signatures";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";
import { newReceipt } from "./receipt/issue-receipt";
import { readStoredProposal } from "./signature-proposal";

export type TConfirmOutcome = {
  outcome: "confirmed" | "already-confirmed";
  letter: { id: string; slug: string; title: string };
  /** The signer's private receipt token, given once, to the press that confirmed (see issue-receipt.ts). */
  receipt?: string;
  /** The confirmed signature shows its name once this many people at `domain` have signed (reveal-names.ts). */
  waitingForName?: { domain: string; threshold: number };
};

/**
 * Confirms a pending signature: from now on it counts. Only ever reached by a POST (the button
 * on the confirmation page), never by opening the link: mail scanners open every link.
 * Confirming twice, or from two tabs at once, is harmless and counts once.
 *
 * Every submission's email carries a confirm link, whatever the address's state, so a link can
 * reach a signature that is not pending: a confirmed one stays exactly as it is (whoever reads the
 * work mailbox, and can submit the address, must not be able to change how someone signed), and
 * an ended one (withdrawn, or invalidated by the organisers) is not revived.
 */
export async function confirmSignature(db: TDb, rawToken: string, now: Date): Promise<TConfirmOutcome> {
  const token = await findSignatureToken(db, rawToken, "CONFIRM");
  if (!token) throw new AppError("TOKEN_INVALID");
  const { signature } = token;
  const letter = { id: signature.letter.id, slug: signature.letter.slug, title: signature.letter.title };
  const usable = assessSignatureToken(token, now);
  if (usable === "used") return alreadyConfirmedOr("TOKEN_USED", signature.state, letter);
  if (usable === "expired") throw new AppError("TOKEN_EXPIRED");
  if (!takesSignatures(signature.letter, now)) throw new AppError("LETTER_NOT_OPEN");

  // What this link's page showed is what gets published (a later submission's link may have
  // proposed something else; the one pressed wins).
  const proposal = readStoredProposal(token.proposal);
  // Stored as a hash with the confirmation; the token is given only to this press.
  const { token: receipt, receiptHash } = newReceipt();
  const result = await confirmPendingSignature(db, {
    tokenId: token.id,
    signatureId: signature.id,
    letterId: signature.letter.id,
    domain: signature.domain,
    proposal,
    receiptHash,
    now,
  });
  if (result === "CONFIRMED_NOW") {
    const waitingForName = proposal?.showNameAt ? { domain: signature.domain, threshold: proposal.showNameAt } : undefined;
    return { outcome: "confirmed", letter, receipt, ...(waitingForName ? { waitingForName } : {}) };
  }
  return alreadyConfirmedOr(result === "WITHDRAWN" || result === "INVALIDATED" ? "SIGNATURE_ENDED" : "TOKEN_USED", result, letter);
}

/** A press that confirmed nothing: harmless if the signature counts already, else `code`. */
function alreadyConfirmedOr(code: "TOKEN_USED" | "SIGNATURE_ENDED", state: string, letter: TConfirmOutcome["letter"]): TConfirmOutcome {
  if (state === "CONFIRMED") return { outcome: "already-confirmed", letter };
  throw new AppError(code);
}
