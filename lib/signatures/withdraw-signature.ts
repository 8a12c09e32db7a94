import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { burnSignatureTokens } from "./burn-signature-tokens";
import { endSignature } from "./end-signature";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";

export type TWithdrawOutcome = { outcome: "withdrawn" | "already-withdrawn"; letter: { slug: string; title: string } };

const hasEnded = (state: string | undefined) => state === "WITHDRAWN" || state === "INVALIDATED";

/**
 * Withdraws a signature: it stops counting, leaves the public list, and everything it said about
 * the signer is erased: name, title, team, comment, the keyed hash of their address and of the
 * network they signed from, and every link still in their inbox. What stays is that a signature
 * at that domain once existed and ended, so the day-by-day counts still add up. The address key
 * is replaced by a value unique to the row, so signing again later starts afresh. Like
 * confirming, only a POST does it, and doing it twice is harmless.
 */
export async function withdrawSignature(db: TDb, rawToken: string, now: Date): Promise<TWithdrawOutcome> {
  const token = await findSignatureToken(db, rawToken, "WITHDRAW");
  if (!token) throw new AppError("TOKEN_INVALID");
  const { signature } = token;
  const letter = { slug: signature.letter.slug, title: signature.letter.title };
  const usable = assessSignatureToken(token, now);
  if (usable === "used") {
    if (hasEnded(signature.state)) return { outcome: "already-withdrawn", letter };
    throw new AppError("TOKEN_USED");
  }
  if (usable === "expired") throw new AppError("TOKEN_EXPIRED");

  const result = await db.$transaction(async (tx) => {
    // The signature row first, then its links (endSignature burns them when it ends it): the
    // order a confirmation takes too, so the two racing wait for each other, never deadlock.
    const ended = await endSignature(tx, { signatureId: signature.id, letterId: signature.letter.id }, { kind: "withdrawn" }, now);
    // This link is spent even when there was nothing left to withdraw.
    if (!ended.ended) await burnSignatureTokens(tx, signature.id, now);
    return ended;
  });
  return { outcome: result.ended ? "withdrawn" : "already-withdrawn", letter };
}
