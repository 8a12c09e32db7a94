import type { TDb } from "@/lib/db/prisma";

export async function loadSignatureForEmail(db: TDb, signatureId: string) {
  return db.signature.findUniqueOrThrow({
    where: { id: signatureId },
    select: {
      id: true,
      state: true,
      displayName: true,
      jobTitle: true,
      team: true,
      comment: true,
      showName: true,
      letter: { select: { slug: true, title: true, addressee: true, discreetEmails: true } },
    },
  });
}
