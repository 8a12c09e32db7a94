import { z } from "zod";
import type { EmailTemplate } from "@/lib/mail/email-template";
import { issueSignatureToken } from "../issue-token";
import { renderLinkEmail } from "@/lib/mail/render-link-email";
import { loadSignatureForEmail } from "./load-signature-for-email";

/**
 * The emails a signer receives. Each stores only a signature id in the outbox; the link's token
 * is created when the email is sent, so no usable token ever rests in the database.
 *
 * "Discreet" letters (the default for employee letters) name neither the letter nor its
 * addressee in subject or body: the employer's mail system can read every message.
 */
const ZSignatureEmailData = z.object({ signatureId: z.uuid() });
type TSignatureEmailData = z.infer<typeof ZSignatureEmailData>;

const IGNORE_IF_NOT_YOU =
  "If you did not ask for this, ignore this email: nothing is published without confirmation, and we keep no copy of your address.";

function aboutLetter(letter: { title: string; addressee: string; discreetEmails: boolean }): string {
  return letter.discreetEmails ? "an open letter" : `the open letter "${letter.title}" to ${letter.addressee}`;
}

export const confirmSignatureEmail: EmailTemplate<TSignatureEmailData> = {
  name: "signature-confirm",
  data: ZSignatureEmailData,
  async render({ signatureId }, { db, appUrl, now }) {
    const signature = await loadSignatureForEmail(db, signatureId);
    const confirmToken = await issueSignatureToken(db, signature.id, "CONFIRM", now);
    // We keep no address, so no later email can reach the signer: the way out comes now.
    const withdrawToken = await issueSignatureToken(db, signature.id, "WITHDRAW", now);
    const { letter } = signature;
    return renderLinkEmail({
      subject: letter.discreetEmails ? "Confirm your signature on Undersigned" : `Confirm your signature: ${letter.title}`,
      paragraphs: [
        `Someone, hopefully you, asked to sign ${aboutLetter(letter)} on Undersigned with this address.`,
        "To be counted, open the link below and press Confirm. The link works for 48 hours.",
      ],
      link: { label: "Confirm my signature", url: `${appUrl}/confirm/${confirmToken}` },
      footer: `${IGNORE_IF_NOT_YOU} Keep this email: to withdraw your signature later, open ${appUrl}/withdraw/${withdrawToken} (it works for a year).`,
    });
  },
};

export const alreadySignedEmail: EmailTemplate<TSignatureEmailData> = {
  name: "signature-already-signed",
  data: ZSignatureEmailData,
  async render({ signatureId }, { db, appUrl, now }) {
    const signature = await loadSignatureForEmail(db, signatureId);
    const token = await issueSignatureToken(db, signature.id, "WITHDRAW", now);
    return renderLinkEmail({
      subject: signature.letter.discreetEmails ? "Your signature on Undersigned" : `You have already signed: ${signature.letter.title}`,
      paragraphs: [
        `Someone, hopefully you, asked to sign ${aboutLetter(signature.letter)} on Undersigned with this address. This address has already signed it, so nothing changed.`,
        "If you want to withdraw your signature, you can do so here.",
      ],
      link: { label: "Withdraw my signature", url: `${appUrl}/withdraw/${token}` },
      footer: IGNORE_IF_NOT_YOU,
    });
  },
};

export const signatureEmailTemplates = [confirmSignatureEmail, alreadySignedEmail];
