import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { ZOrganiserEmail } from "@/lib/auth/actor";
import { invitationEmail } from "@/lib/auth/emails/organiser-emails";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";
import { enqueueEmail } from "@/lib/mail/enqueue-email";

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Invites someone by email to edit the letter. Inviting the same address again renews the
 * invitation and sends a fresh link; someone who already organises the letter is not invited.
 */
export const inviteEditor = defineLetterAction({
  name: "inviteEditor",
  requires: "OWNER",
  input: z.object({ email: ZOrganiserEmail }),
  async run({ db, now, actor, letter }, { email }) {
    const existing = await db.letterOrganiser.findFirst({ where: { letterId: letter.id, user: { email } }, select: { role: true } });
    if (existing) throw new AppError("INVALID_INPUT", { fields: { email: ["This person already organises the letter."] } });
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    await db.$transaction(async (tx) => {
      const invitation = await tx.organiserInvitation.upsert({
        where: { letterId_email: { letterId: letter.id, email } },
        create: { letterId: letter.id, email, role: "EDITOR", invitedById: actor.userId, expiresAt },
        update: { invitedById: actor.userId, expiresAt, acceptedAt: null, createdAt: now },
        select: { id: true },
      });
      await enqueueEmail(tx, invitationEmail, email, { invitationId: invitation.id });
      await recordActivity(tx, { letterId: letter.id, actorId: actor.userId, action: "editor.invited", detail: { email }, at: now });
    });
  },
});
