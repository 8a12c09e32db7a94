import { beforeEach, describe, expect, it } from "vitest";
import { invitationEmail } from "@/lib/auth/emails/organiser-emails";
import { createSignature } from "@/lib/signatures/create-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor } from "@/tests/support/organisers";
import { signer, signingDeps } from "@/tests/support/signing";
import { smtpCaptureForFile } from "@/tests/support/smtp-capture-for-file";
import { deliverDueEmails } from "./deliver-due-emails";
import { enqueueEmail } from "./enqueue-email";
import { emailTemplates } from "./email-templates";

// Attack: a name or a letter title that carries a line break followed by a header ("Bcc: …")
// would, written into a message's headers, add recipients or rewrite the message. Names are
// refused at the boundary; titles reach the mail layer (the editor accepts any text, and rows
// may predate any check), which must keep every header on one line and every message to its
// one recipient. Checked on the wire, through a real SMTP server.

const db = connectTestDb();
const smtp = smtpCaptureForFile();

const INJECTIONS = [
  "Pay rise\r\nBcc: everyone@attacker.example\r\nX-Injected: yes",
  "Pay rise\nBcc: everyone@attacker.example",
  "Pay rise\rCc: everyone@attacker.example",
  // (No NUL: PostgreSQL cannot store one in text, so no saved title holds one.)
  "Pay rise\u2028To: everyone@attacker.example\u000b\u0085",
  "Pay rise\r\n\r\n<p>a body of my own</p>",
];

const deliver = () =>
  deliverDueEmails(db, {
    transport: smtp.transport,
    templates: emailTemplates,
    from: "Undersigned <letters@undersigned.test>",
    appUrl: "http://localhost:3000",
    authSecret: "x".repeat(32),
  });

/** The message went to `to` alone, and nothing in the title became a header or a second part of the message. */
function expectOneRecipientAndNoInjectedHeader(to: string) {
  expect(smtp.capture.messages).toHaveLength(1);
  const [message] = smtp.capture.messages;
  expect(message?.envelope.to).toEqual([to]);
  expect(message?.subject ?? "").not.toMatch(/[\r\n\u2028\u0000]/);
  for (const header of ["bcc", "cc", "x-injected"]) expect(message?.headers.has(header), header).toBe(false);
  expect((message?.to as { text?: string } | undefined)?.text).toBe(to);
  const headerBlock = message?.raw.split(/\r?\n\r?\n/)[0] ?? "";
  expect(headerBlock).not.toMatch(/^(Bcc|Cc|X-Injected):/im);
  expect(headerBlock.match(/^To:/gim)).toHaveLength(1);
  return message!;
}

describe("header injection through names and titles", () => {
  beforeEach(() => resetDatabase(db));

  it("is refused at the boundary for a signer's name, title and team", async () => {
    const letter = await createLetter(db);
    for (const injection of INJECTIONS) {
      for (const fieldName of ["name", "title", "team"]) {
        await expect(
          createSignature(signingDeps(db), letter.slug, signer({ [fieldName]: injection })),
          `${fieldName}: ${JSON.stringify(injection)}`,
        ).rejects.toMatchObject({
          code: "INVALID_INPUT",
          fields: { [fieldName]: [expect.stringMatching(/not allowed/)] },
        });
      }
    }
    expect(await db.outboxEmail.count()).toBe(0);
  });

  for (const title of INJECTIONS) {
    it(`cannot add a header or a recipient through a letter title: ${JSON.stringify(title)}`, async () => {
      const letter = await createLetter(db, { domains: ["example.com"] });
      await db.letter.update({ where: { id: letter.id }, data: { title, discreetEmails: false } });

      await createSignature(signingDeps(db), letter.slug, signer({ email: "jane.doe@example.com" }));
      expect(await deliver()).toEqual({ sent: 1, failed: 0 });
      const confirm = expectOneRecipientAndNoInjectedHeader("jane.doe@example.com");
      expect(confirm.subject?.startsWith("Confirm your signature: Pay rise")).toBe(true);

      // An organiser's invitation quotes the title in its subject and body too.
      smtp.capture.messages.length = 0;
      const owner = await createActor(db);
      const invitation = await db.organiserInvitation.create({
        data: { letterId: letter.id, email: "new.editor@example.org", role: "EDITOR", invitedById: owner.userId, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      await enqueueEmail(db, invitationEmail, "new.editor@example.org", { invitationId: invitation.id });
      expect(await deliver()).toEqual({ sent: 1, failed: 0 });
      const invite = expectOneRecipientAndNoInjectedHeader("new.editor@example.org");
      expect(invite.subject?.startsWith('You are invited to help edit "Pay rise')).toBe(true);
    });
  }
});
