import { z } from "zod";
import type { TEmailTemplate, TEmailContext } from "@/lib/mail/email-template";
import { renderLinkEmail } from "@/lib/mail/render-link-email";
import { ZOrganiserEmail } from "../actor";
import { issueSignInLink, ZCallbackPath } from "../sign-in-link";

function requireAuthSecret(context: TEmailContext): string {
  if (!context.authSecret) throw new Error("AUTH_SECRET is needed to send sign-in links; give it to the outbox worker.");
  return context.authSecret;
}

const ZSignInEmailData = z.object({ email: ZOrganiserEmail, callbackPath: ZCallbackPath });

export const signInEmail: TEmailTemplate<z.infer<typeof ZSignInEmailData>> = {
  name: "organiser-sign-in",
  data: ZSignInEmailData,
  async render(data, context) {
    const url = await issueSignInLink(context.db, data, { ...context, authSecret: requireAuthSecret(context) });
    return renderLinkEmail({
      subject: "Your sign-in link for Undersigned",
      paragraphs: ["Open the link below and press Sign in to reach your letters on Undersigned. The link works once, for one hour."],
      link: { label: "Sign in to Undersigned", url },
      footer: "If you did not ask to sign in, ignore this email: nobody can sign in without this link.",
    });
  },
};

const ZInvitationEmailData = z.object({ invitationId: z.uuid() });

export const invitationEmail: TEmailTemplate<z.infer<typeof ZInvitationEmailData>> = {
  name: "organiser-invitation",
  data: ZInvitationEmailData,
  async render({ invitationId }, context) {
    const invitation = await context.db.organiserInvitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: { email: true, letterId: true, letter: { select: { title: true, discreetEmails: true } }, invitedBy: { select: { email: true } } },
    });
    const url = await issueSignInLink(
      context.db,
      { email: invitation.email, callbackPath: `/organise/letters/${invitation.letterId}` },
      { ...context, authSecret: requireAuthSecret(context) },
    );
    const inviter = invitation.invitedBy?.email ?? "An organiser";
    // Often sent to a work address, which the employer reads: a discreet letter is not named.
    const { title, discreetEmails } = invitation.letter;
    return renderLinkEmail({
      subject: discreetEmails ? "You are invited to help edit an open letter on Undersigned" : `You are invited to help edit "${title}" on Undersigned`,
      paragraphs: [
        discreetEmails
          ? `${inviter} invited you to edit an open letter on Undersigned.`
          : `${inviter} invited you to edit the open letter "${title}" on Undersigned.`,
        "Open the link below and press Sign in to accept. This link works once, for one hour; after that, sign in at Undersigned with this address and the invitation will be waiting for 14 days.",
      ],
      link: { label: "Accept and sign in", url },
      footer: "If you do not know why you received this, ignore it: nothing happens unless you sign in.",
    });
  },
};

export const organiserEmailTemplates = [signInEmail, invitationEmail];
