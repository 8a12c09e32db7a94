import type { Prisma } from "@/lib/db/prisma";
import { signatureMove, uncountEnded } from "./lifecycle";
import { burnSignatureTokens } from "./burn-signature-tokens";

/** How a signature ends: its signer withdraws it, or the letter's organisers invalidate it. */
export type TSignatureEnding = { kind: "withdrawn" } | { kind: "invalidated"; reason: string };

export type TEndResult =
  /** It was pending or confirmed and has now ended; `wasCounted` if it had been counted. */
  | { ended: true; previousState: "PENDING" | "CONFIRMED"; domain: string; wasCounted: boolean }
  /** Nothing to do: it had ended already (or does not exist on this letter). */
  | { ended: false; state: "WITHDRAWN" | "INVALIDATED" | null };

/**
 * The one way a signature ends, in the caller's transaction: lock the row, check its state, write
 * the end, take it out of the counts on the day it was counted (so the daily series still adds up
 * to the total), and burn every link still in the signer's inbox. A withdrawal also erases what
 * the signature said about its signer, and frees its address key so signing again starts afresh;
 * an invalidation keeps the key, so the same address cannot simply sign again.
 *
 * The row lock matters: a confirmation racing this must not slip between the state we decide on
 * and the state we write, or the count would be off by one.
 */
export async function endSignature(
  tx: Prisma.TransactionClient,
  target: { signatureId: string; letterId: string },
  ending: TSignatureEnding,
  now: Date,
): Promise<TEndResult> {
  const { signatureId, letterId } = target;
  const [current] = await tx.$queryRaw<
    { state: string; domain: string; team: string | null; confirmedAt: Date | null; showName: boolean; nameHidden: boolean; verificationMethod: string }[]
  >`
    SELECT state::text AS state, domain, team, "confirmedAt", "showName", "nameHidden", "verificationMethod"::text AS "verificationMethod" FROM "Signature"
    WHERE id = ${signatureId}::uuid AND "letterId" = ${letterId}::uuid FOR UPDATE`;
  if (!current) return { ended: false, state: null };
  if (signatureMove(current.state, ending.kind === "withdrawn" ? "withdraw" : "invalidate") === null) {
    return { ended: false, state: current.state === "WITHDRAWN" ? "WITHDRAWN" : "INVALIDATED" };
  }
  const previousState = current.state as "PENDING" | "CONFIRMED";
  await tx.signature.update({
    where: { id: signatureId },
    data:
      ending.kind === "withdrawn"
        ? {
            state: "WITHDRAWN",
            endedAt: now,
            emailKey: `withdrawn:${signatureId}`,
            displayName: "",
            jobTitle: null,
            team: null,
            comment: null,
            sourceKey: null,
          }
        : { state: "INVALIDATED", endedAt: now, invalidationReason: ending.reason },
  });
  await burnSignatureTokens(tx, signatureId, now);
  // lifecycle.ts: the one rule for taking an ended signature off the counts, which bulk invalidation runs too.
  // The team as read under the lock, before a withdrawal erases it: the -1 leaves the team the +1 counted in.
  const wasCounted = await uncountEnded(tx, {
    id: signatureId,
    letterId,
    domain: current.domain,
    team: current.team,
    state: current.state,
    confirmedAt: current.confirmedAt,
    showName: current.showName,
    nameHidden: current.nameHidden,
    verificationMethod: current.verificationMethod,
  });
  return { ended: true, previousState, domain: current.domain, wasCounted };
}
