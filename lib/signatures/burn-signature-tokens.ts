import type { Prisma } from "@/lib/db/prisma";
import { burnTokens } from "./lifecycle";

/**
 * Every link still in the signer's inbox goes dead when a signature ends, so no confirm link can
 * revive it; what its confirm links proposed to publish goes with them (we keep no details of an
 * ended signature). In the caller's transaction. The rule itself is lifecycle.ts's, shared with
 * bulk invalidation.
 */
export async function burnSignatureTokens(tx: Prisma.TransactionClient, signatureId: string, now: Date): Promise<void> {
  await burnTokens(tx, signatureId, now);
}
