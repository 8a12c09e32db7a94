import { z } from "zod";

/**
 * What one submission asks to publish. It travels with that submission's email (outbox data,
 * then the confirm token) rather than being written over the stored signature: the address may
 * belong to someone who already signed, and a submission by anyone else (the employer can submit
 * any address) must neither read nor change what that signature shows. Confirming a pending
 * signature applies the proposal of the link that was pressed, which is the one its page showed.
 */
export const ZSignatureProposal = z.object({
  displayName: z.string().max(120),
  jobTitle: z.string().max(120).nullable(),
  team: z.string().max(120).nullable(),
  comment: z.string().max(1000).nullable(),
  showName: z.boolean(),
  // Show the name once this many people at the signer's domain have signed (reveal-names.ts);
  // until then showName is false. Absent on links issued before thresholds.
  showNameAt: z.number().int().positive().nullable().default(null),
});

export type TSignatureProposal = z.infer<typeof ZSignatureProposal>;

/** A proposal read back from a token (JSON at rest), or null for a token issued before proposals. */
export function readStoredProposal(stored: unknown): TSignatureProposal | null {
  const parsed = ZSignatureProposal.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
