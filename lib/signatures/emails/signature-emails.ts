import { z } from "zod";
import type { TEmailTemplate } from "@/lib/mail/email-template";
import { issueSignatureToken } from "../issue-token";
import { renderLinkEmail } from "@/lib/mail/render-link-email";
import { ZSignatureProposal, type TSignatureProposal } from "../signature-proposal";
import { loadSignatureForEmail } from "./load-signature-for-email";

/**
 * The one email a signer receives. It stores only a signature id and what the submission asked to
 * publish; the link's tokens are created when the email is sent, so no usable token ever rests in
 * the database.
 *
 * Every submission that is emailed gets this same email, whatever the address's state (new,
 * pending, confirmed, withdrawn, invalidated): an employer reads its staff's mail and can submit
 * any address, so an email that differed by state would tell it who signed without a click.
 * Only the tokens, dates and message ids differ between two of them.
 *
 * "Discreet" letters (the default for employee letters) name neither the letter nor its
 * addressee in subject or body: the employer's mail system can read every message.
 */
const ZSignatureEmailData = z.object({
  signatureId: z.uuid(),
  // Optional only for emails queued before proposals existed (see proposalForLegacyEmail).
  proposal: ZSignatureProposal.optional(),
});
type TSignatureEmailData = z.infer<typeof ZSignatureEmailData>;

const IGNORE_IF_NOT_YOU = "If you did not ask for this, ignore this email: nothing is published without confirmation, and we keep no copy of your address.";

function aboutLetter(letter: { title: string; addressee: string; discreetEmails: boolean }): string {
  return letter.discreetEmails ? "an open letter" : `the open letter "${letter.title}" to ${letter.addressee}`;
}

/**
 * An email queued before this version carried no proposal. The old "already signed" ones were
 * for signatures that had other details: showing those on the page would tell the submitter how
 * someone signed, so such a link proposes an anonymous signature instead.
 */
function proposalForLegacyEmail(signature: {
  state: string;
  displayName: string;
  jobTitle: string | null;
  team: string | null;
  comment: string | null;
  showName: boolean;
}): TSignatureProposal {
  if (signature.state === "PENDING") {
    const { displayName, jobTitle, team, comment, showName } = signature;
    return { displayName, jobTitle, team, comment, showName, showNameAt: null };
  }
  return { displayName: "", jobTitle: null, team: null, comment: null, showName: false, showNameAt: null };
}

async function renderSignatureEmail(
  { signatureId, proposal }: TSignatureEmailData,
  { db, appUrl, now }: Parameters<TEmailTemplate<TSignatureEmailData>["render"]>[1],
) {
  const signature = await loadSignatureForEmail(db, signatureId);
  const confirmToken = await issueSignatureToken(db, signature.id, "CONFIRM", now, proposal ?? proposalForLegacyEmail(signature));
  // We keep no address, so no later email can reach the signer: the way out comes now.
  const withdrawToken = await issueSignatureToken(db, signature.id, "WITHDRAW", now);
  const { letter } = signature;
  return renderLinkEmail({
    subject: letter.discreetEmails ? "Confirm your signature on Undersigned" : `Confirm your signature: ${letter.title}`,
    paragraphs: [
      `Someone, hopefully you, asked to sign ${aboutLetter(letter)} on Undersigned with this address.`,
      "To be counted, open the link below and press Confirm. The link works for 48 hours. If this address has signed before, confirming again changes nothing.",
    ],
    link: { label: "Confirm my signature", url: `${appUrl}/confirm/${confirmToken}` },
    footer: `${IGNORE_IF_NOT_YOU} Keep this email: to withdraw your signature later, open ${appUrl}/withdraw/${withdrawToken} (it works for a year).`,
  });
}

export const confirmSignatureEmail: TEmailTemplate<TSignatureEmailData> = {
  name: "signature-confirm",
  data: ZSignatureEmailData,
  render: renderSignatureEmail,
};

/** The name the "already signed" email had: rows queued under it before an upgrade go out as the one email. */
const legacyAlreadySignedEmail: TEmailTemplate<TSignatureEmailData> = { ...confirmSignatureEmail, name: "signature-already-signed" };

export const signatureEmailTemplates = [confirmSignatureEmail, legacyAlreadySignedEmail];
