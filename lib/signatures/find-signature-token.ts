import type { Db } from "@/lib/db/prisma";
import { hashToken } from "@/lib/security/tokens";

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** The token behind a link with what its pages need, or null for anything we never issued. */
export async function findSignatureToken(db: Db, rawToken: string) {
  if (!TOKEN_FORMAT.test(rawToken)) return null;
  return db.signatureToken.findUnique({
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
}

export type TFoundSignatureToken = NonNullable<Awaited<ReturnType<typeof findSignatureToken>>>;
