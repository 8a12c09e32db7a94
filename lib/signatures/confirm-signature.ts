import type { Db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/db/prisma";
import { recordCountChange } from "@/lib/counts/record-count-change";
import { AppError } from "@/lib/errors/app-error";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";
import { readStoredProposal } from "./signature-proposal";

export type TConfirmOutcome = { outcome: "confirmed" | "already-confirmed"; letter: { id: string; slug: string; title: string } };

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
export async function confirmSignature(db: Db, rawToken: string, now: Date): Promise<TConfirmOutcome> {
  const token = await findSignatureToken(db, rawToken, "CONFIRM");
  if (!token) throw new AppError("TOKEN_INVALID");
  const { signature } = token;
  const letter = { id: signature.letter.id, slug: signature.letter.slug, title: signature.letter.title };
  const usable = assessSignatureToken(token, now);
  if (usable === "used") return alreadyConfirmedOr("TOKEN_USED", signature.state, letter);
  if (usable === "expired") throw new AppError("TOKEN_EXPIRED");
  const { status, closesAt } = signature.letter;
  if (status !== "OPEN" || (closesAt && closesAt <= now)) throw new AppError("LETTER_NOT_OPEN");

  const result = await db.$transaction(async (tx) => {
    const burnt = await tx.signatureToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now, proposal: Prisma.DbNull } });
    // Read under a row lock: of two concurrent confirmations exactly one sees a PENDING row and
    // counts it, and a withdrawal racing this one cannot slip between our read and our write.
    const [current] = await tx.$queryRaw<{ state: string }[]>`
      SELECT state::text AS state FROM "Signature" WHERE id = ${signature.id}::uuid FOR UPDATE`;
    if (burnt.count === 0 || current?.state !== "PENDING") return current?.state ?? "GONE";
    // What this link's page showed is what gets published (a later submission's link may have
    // proposed something else; the one pressed wins).
    const proposal = readStoredProposal(token.proposal);
    await tx.signature.update({ where: { id: signature.id }, data: { ...(proposal ?? {}), state: "CONFIRMED", confirmedAt: now } });
    await recordCountChange(tx, { letterId: signature.letter.id, domain: signature.domain, confirmedAt: now, delta: 1 });
    return "CONFIRMED_NOW";
  });
  if (result === "CONFIRMED_NOW") return { outcome: "confirmed", letter };
  return alreadyConfirmedOr(result === "WITHDRAWN" || result === "INVALIDATED" ? "SIGNATURE_ENDED" : "TOKEN_USED", result, letter);
}

/** A press that confirmed nothing: harmless if the signature counts already, else `code`. */
function alreadyConfirmedOr(code: "TOKEN_USED" | "SIGNATURE_ENDED", state: string, letter: TConfirmOutcome["letter"]): TConfirmOutcome {
  if (state === "CONFIRMED") return { outcome: "already-confirmed", letter };
  throw new AppError(code);
}
