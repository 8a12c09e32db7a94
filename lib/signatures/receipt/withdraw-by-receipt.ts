import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { endSignature } from "../end-signature";
import { findReceipt } from "./find-receipt";

/**
 * Withdraws a signature from its receipt, as its emailed withdraw link does (end-signature.ts):
 * it stops counting and what it said about the signer is erased. The receipt keeps working, to
 * say that it was withdrawn. Doing it twice is harmless.
 */
export async function withdrawByReceipt(db: TDb, rawToken: string, now: Date): Promise<{ outcome: "withdrawn" | "already-withdrawn"; letterSlug: string }> {
  const signature = await findReceipt(db, rawToken);
  if (!signature) throw new AppError("TOKEN_INVALID");
  const result = await db.$transaction((tx) => endSignature(tx, { signatureId: signature.id, letterId: signature.letter.id }, { kind: "withdrawn" }, now));
  return { outcome: result.ended ? "withdrawn" : "already-withdrawn", letterSlug: signature.letter.slug };
}
