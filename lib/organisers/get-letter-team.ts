import type { TDb } from "@/lib/db/prisma";

/** The letter's team as its owner manages it: organisers and pending invitations. */
export async function getLetterTeam(db: TDb, letterId: string, now: Date) {
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
