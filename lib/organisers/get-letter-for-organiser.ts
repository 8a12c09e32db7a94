import type { Db } from "@/lib/db/prisma";
import { getExactLetterTotal } from "@/lib/counts/get-letter-total";

/** Everything the organiser pages show of one letter (never a signer's details: see moderation). */
export async function getLetterForOrganiser(db: Db, letterId: string) {
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

/** The letter's team as its owner manages it: organisers and pending invitations. */
export async function getLetterTeam(db: Db, letterId: string, now: Date) {
  const [organisers, invitations] = await Promise.all([
    db.letterOrganiser.findMany({
      where: { letterId },
      orderBy: [{ role: "desc" }, { createdAt: "asc" }],
      select: { role: true, createdAt: true, user: { select: { id: true, email: true } } },
    }),
    db.organiserInvitation.findMany({
      where: { letterId, acceptedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { organisers, invitations: invitations.map((invitation) => ({ ...invitation, expired: invitation.expiresAt <= now })) };
}
