import type { TDb } from "@/lib/db/prisma";
import { hashToken, isTokenShaped } from "@/lib/security/tokens";

/** The signature a receipt token belongs to, with what its page and actions need, or null. */
export async function findReceipt(db: TDb, rawToken: string) {
  if (!isTokenShaped(rawToken)) return null;
  return db.signature.findUnique({
    where: { receiptHash: hashToken(rawToken) },
    select: {
      id: true,
      state: true,
      domain: true,
      displayName: true,
      jobTitle: true,
      team: true,
      showName: true,
      nameHidden: true,
      confirmedAt: true,
      endedAt: true,
      letter: { select: { id: true, slug: true, title: true, status: true, allowPublicNames: true } },
    },
  });
}

export type TFoundReceipt = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;
