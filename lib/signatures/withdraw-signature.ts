import type { Db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";
import { uncountEnded } from "./lifecycle";

export type TWithdrawOutcome = { outcome: "withdrawn" | "already-withdrawn"; letter: { slug: string; title: string } };

/**
 * Withdraws a signature: it stops counting, leaves the public list, and everything it said about
 * the signer is erased: name, title, team, comment, the keyed hash of their address and of the
 * network they signed from. What stays is that a signature at that domain once existed and
 * ended, so the day-by-day counts still add up. The address key is replaced by a value unique
 * to the row, so signing again later starts afresh. Like confirming, only a POST does it, and
 * doing it twice is harmless.
 */
export async function withdrawSignature(db: Db, rawToken: string, now: Date): Promise<TWithdrawOutcome> {
  const token = await findSignatureToken(db, rawToken, "WITHDRAW");
  if (!token) throw new AppError("TOKEN_INVALID");
  const { signature } = token;
  const letter = { slug: signature.letter.slug, title: signature.letter.title };
  const usable = assessSignatureToken(token, now);
  if (usable === "done") return { outcome: "already-withdrawn", letter };
  if (usable !== "ready") throw new AppError(usable === "used" ? "TOKEN_USED" : "TOKEN_EXPIRED");

  await db.$transaction(async (tx) => {
    await tx.signatureToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now } });
    // Read under a row lock: a confirmation racing this withdrawal must not slip between the
    // state we decide on and the state we write.
    const [current] = await tx.$queryRaw<{ state: string; confirmedAt: Date | null }[]>`
      SELECT state::text AS state, "confirmedAt" FROM "Signature" WHERE id = ${signature.id}::uuid FOR UPDATE`;
    if (current?.state !== "PENDING" && current?.state !== "CONFIRMED") return;
    await tx.signature.update({
      where: { id: signature.id },
      data: { state: "WITHDRAWN", endedAt: now, emailKey: `withdrawn:${signature.id}`, displayName: "", jobTitle: null, team: null, comment: null, sourceKey: null },
    });
    // Only a counted signature is uncounted, and on the day it was counted (lifecycle.ts).
    await uncountEnded(tx, { letterId: signature.letter.id, domain: signature.domain, state: current.state, confirmedAt: current.confirmedAt });
  });
  return { outcome: "withdrawn", letter };
}
