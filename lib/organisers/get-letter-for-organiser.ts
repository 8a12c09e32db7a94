import type { TDb } from "@/lib/db/prisma";
import { getExactLetterTotal } from "@/lib/counts/get-letter-total";

/** Everything the organiser pages show of one letter (never a signer's details: see moderation). */
export async function getLetterForOrganiser(db: TDb, letterId: string) {
  const letter = await db.letter.findUniqueOrThrow({
    where: { id: letterId },
    include: {
      demands: { orderBy: { position: "asc" } },
      domainRules: { orderBy: { domain: "asc" } },
      statusUpdates: { orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }], include: { author: { select: { email: true } } } },
    },
  });
  return { ...letter, total: await getExactLetterTotal(db, letterId) };
}

export type TOrganiserLetter = Awaited<ReturnType<typeof getLetterForOrganiser>>;
