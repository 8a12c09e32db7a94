import type { TokenPurpose } from "@/lib/db/generated/enums";
import type { TDb } from "@/lib/db/prisma";
import { hashToken, isTokenShaped } from "@/lib/security/tokens";

/**
 * The token behind a link with what its pages need, or null for anything we never issued for
 * `purpose` (a withdraw link cannot confirm, nor the reverse).
 */
export async function findSignatureToken(db: TDb, rawToken: string, purpose: TokenPurpose) {
  if (!isTokenShaped(rawToken)) return null;
  const token = await db.signatureToken.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      proposal: true,
      signature: {
        select: {
          id: true,
          state: true,
          domain: true,
          displayName: true,
          jobTitle: true,
          team: true,
          showName: true,
          letter: { select: { id: true, slug: true, title: true, status: true, closesAt: true } },
        },
      },
    },
  });
  return token?.purpose === purpose ? token : null;
}

export type TFoundSignatureToken = NonNullable<Awaited<ReturnType<typeof findSignatureToken>>>;

/**
 * What a link can still do, judged from the link alone: `used`, `expired` or `ready`. Never from
 * the signature's state: every submission gets the same email whatever the address's state, and
 * the page behind its link must look the same too, or opening it (as the employer's mail system
 * can) would tell who signed. What pressing the button then does depends on the state.
 */
export function assessSignatureToken(token: Pick<TFoundSignatureToken, "usedAt" | "expiresAt">, now: Date): "used" | "expired" | "ready" {
  if (token.usedAt) return "used";
  if (token.expiresAt <= now) return "expired";
  return "ready";
}
