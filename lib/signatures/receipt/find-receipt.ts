import type { Db } from "@/lib/db/prisma";
import { hashToken } from "@/lib/security/tokens";

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** The signature a receipt token belongs to, with what its page and actions need, or null. */
export async function findReceipt(db: Db, rawToken: string) {
  if (!TOKEN_FORMAT.test(rawToken)) return null;
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
