import type { TokenPurpose } from "@/lib/db/generated/enums";
import type { Db } from "@/lib/db/prisma";
import { hashToken } from "@/lib/security/tokens";

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token behind a link with what its pages need, or null for anything we never issued for
 * `purpose` (a withdraw link cannot confirm, nor the reverse).
 */
export async function findSignatureToken(db: Db, rawToken: string, purpose: TokenPurpose) {
  if (!TOKEN_FORMAT.test(rawToken)) return null;
  const token = await db.signatureToken.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      signature: {
        select: {
          id: true,
          state: true,
          domain: true,
          displayName: true,
          jobTitle: true,
          team: true,
          showName: true,
          confirmedAt: true,
          letter: { select: { id: true, slug: true, title: true, status: true, closesAt: true } },
        },
      },
    },
  });
  return token?.purpose === purpose ? token : null;
}

export type TFoundSignatureToken = NonNullable<Awaited<ReturnType<typeof findSignatureToken>>>;

/**
 * What a link can still do, the one rule shared by the page that describes it and the action
 * behind its button: `done` (its purpose is already achieved: harmless to repeat), `used`,
 * `expired`, or `ready`.
 */
export function assessSignatureToken(token: TFoundSignatureToken, now: Date): "done" | "used" | "expired" | "ready" {
  const { state } = token.signature;
  const done = token.purpose === "CONFIRM" ? state === "CONFIRMED" : state === "WITHDRAWN" || state === "INVALIDATED";
  if (done) return "done";
  if (token.usedAt || (token.purpose === "CONFIRM" && state !== "PENDING")) return "used";
  if (token.expiresAt <= now) return "expired";
  return "ready";
}
