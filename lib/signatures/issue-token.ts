import type { TDb } from "@/lib/db/prisma";
import type { TokenPurpose } from "@/lib/db/generated/enums";
import { generateToken, hashToken } from "@/lib/security/tokens";
import { ORGANISER_CODE_TTL_MS } from "./organiser-code";
import type { TSignatureProposal } from "./signature-proposal";

/** How long a link works: a confirmation must happen soon; a withdrawal may come much later. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  CONFIRM: 48 * 60 * 60 * 1000,
  WITHDRAW: 365 * 24 * 60 * 60 * 1000,
  // Never issued here (create-organiser-verified-signature.ts makes codes), listed for completeness.
  ORGANISER_CODE: ORGANISER_CODE_TTL_MS,
};

/**
 * Creates a single-use token for a signature and returns it; only its hash is stored. A confirm
 * token carries the proposal of the submission it answers (see signature-proposal.ts).
 */
export async function issueSignatureToken(db: TDb, signatureId: string, purpose: TokenPurpose, now: Date, proposal?: TSignatureProposal): Promise<string> {
  const token = generateToken();
  await db.signatureToken.create({
    data: {
      signatureId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      ...(proposal && purpose === "CONFIRM" ? { proposal } : {}),
    },
  });
  return token;
}
