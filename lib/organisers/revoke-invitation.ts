import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";

export const revokeInvitation = defineLetterAction({
  name: "revokeInvitation",
  requires: "OWNER",
  input: z.object({ invitationId: z.uuid() }),
  async run({ db, now, actor, letter }, { invitationId }) {
    await db.$transaction(async (tx) => {
      const invitation = await tx.organiserInvitation.findFirst({
        where: { id: invitationId, letterId: letter.id, acceptedAt: null },
        select: { email: true },
      });
      if (!invitation) throw new AppError("INVALID_INPUT", { message: "That invitation no longer exists." });
      await tx.organiserInvitation.delete({ where: { id: invitationId } });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "invitation.revoked", detail: { email: invitation.email }, at: now });
    });
  },
});
