import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { countConfirmation, letterTakesSignatures } from "./count-confirmation";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";

export type TConfirmOutcome = { outcome: "confirmed" | "already-confirmed"; letter: { id: string; slug: string; title: string } };

/**
 * Confirms a pending signature: from now on it counts. Only ever reached by a POST (the button
 * on the confirmation page), never by opening the link: mail scanners open every link.
 * Confirming twice, or from two tabs at once, is harmless and counts once.
 */
export async function confirmSignature(db: Db, rawToken: string, now: Date): Promise<TConfirmOutcome> {
  const token = await findSignatureToken(db, rawToken, "CONFIRM");
  if (!token) throw new AppError("TOKEN_INVALID");
  const { signature } = token;
  const letter = { id: signature.letter.id, slug: signature.letter.slug, title: signature.letter.title };
  const usable = assessSignatureToken(token, now);
  if (usable === "done") return { outcome: "already-confirmed", letter };
  if (usable !== "ready") throw new AppError(usable === "used" ? "TOKEN_USED" : "TOKEN_EXPIRED");
  if (!letterTakesSignatures(signature.letter, now)) throw new AppError("LETTER_NOT_OPEN");

  const confirmedNow = await db.$transaction(async (tx) => {
    const burnt = await tx.signatureToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
    const counted = await countConfirmation(tx, { id: signature.id, letterId: signature.letter.id, domain: signature.domain }, now);
    if (!counted) return burnt.count === 0 ? "used" : "raced";
    return "confirmed";
  });
  if (confirmedNow === "confirmed") return { outcome: "confirmed", letter };
  const current = await db.signature.findUniqueOrThrow({ where: { id: signature.id }, select: { state: true } });
  if (current.state === "CONFIRMED") return { outcome: "already-confirmed", letter };
  throw new AppError("TOKEN_USED");
}
