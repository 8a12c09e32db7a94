import { Prisma } from "@/lib/db/prisma";

/**
 * Every link still in the signer's inbox goes dead when a signature ends, so no confirm link can
 * revive it; what its confirm links proposed to publish goes with them (we keep no details of an
 * ended signature). In the caller's transaction.
 */
export async function burnSignatureTokens(tx: Prisma.TransactionClient, signatureId: string, now: Date): Promise<void> {
  await tx.signatureToken.updateMany({ where: { signatureId, usedAt: null }, data: { usedAt: now, proposal: Prisma.DbNull } });
}
