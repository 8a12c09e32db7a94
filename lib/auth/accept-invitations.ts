import type { TDb } from "@/lib/db/prisma";
import { recordActivity } from "@/lib/activity/record-activity";

/**
 * Signing in proves the address, so it is the moment an invitation to that address is taken
 * up: the user becomes an editor (or whatever role the invitation names) of each letter that
 * invited them, unless the invitation has expired or they already organise it.
 */
export async function acceptInvitations(db: TDb, user: { id: string; email: string }, now: Date): Promise<number> {
  const email = user.email.toLowerCase();
  return db.$transaction(async (tx) => {
    const invitations = await tx.organiserInvitation.findMany({
      where: { email, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, letterId: true, role: true },
    });
    for (const invitation of invitations) {
      const joined = await tx.letterOrganiser.createMany({
        data: [{ letterId: invitation.letterId, userId: user.id, role: invitation.role }],
        skipDuplicates: true,
      });
      await tx.organiserInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } });
      if (joined.count > 0) {
        await recordActivity(tx, { letterId: invitation.letterId, actorId: user.id, action: "editor.joined", detail: { email }, at: now });
      }
    }
    return invitations.length;
  });
}
