import { z } from "zod";
import type { TEmailTemplate } from "@/lib/mail/email-template";
import { renderLinkEmail } from "@/lib/mail/render-link-email";
import { countOf, NOUNS } from "@/lib/wording/plural";

const ZMadePublicEmailData = z.object({ letterId: z.uuid(), listAtSignatures: z.number().int().positive() });

/**
 * Tells an organiser that their unlisted letter went public on its own, at the threshold they
 * chose. Often read at work, where the employer reads the mail: a discreet letter is not named,
 * and the link leads to the organiser's page, behind sign-in.
 */
export const madePublicEmail: TEmailTemplate<z.infer<typeof ZMadePublicEmailData>> = {
  name: "letter-made-public",
  data: ZMadePublicEmailData,
  async render({ letterId, listAtSignatures }, context) {
    const letter = await context.db.letter.findUnique({ where: { id: letterId }, select: { title: true, discreetEmails: true } });
    const named = letter && !letter.discreetEmails ? `"${letter.title}"` : "Your open letter";
    const signatures = countOf(listAtSignatures, NOUNS.verifiedSignature);
    return renderLinkEmail({
      subject: letter && !letter.discreetEmails ? `"${letter.title}" is now public on Undersigned` : "Your open letter on Undersigned is now public",
      paragraphs: [
        `${named} reached ${signatures}, so it was made public, as you chose: it is now on the home page, in search, the sitemap and the site's feed, and search engines may index it.`,
        "Nothing else changed: people who signed while it was unlisted are counted as before.",
      ],
      link: { label: "See the letter's page for organisers", url: `${context.appUrl.replace(/\/+$/, "")}/organise/letters/${letterId}` },
      footer: "You receive this because you organise this letter on Undersigned.",
    });
  },
};
