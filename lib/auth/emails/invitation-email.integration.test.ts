import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { createActor } from "@/tests/support/organisers";
import { invitationEmail } from "./organiser-emails";

// A co-organiser is often invited at a work address, and the employer reads that mailbox: a
// letter set to discreet emails must not be named there, as with the signers' emails.

const db = connectTestDb();

async function renderInvitation(discreetEmails: boolean) {
  const letter = await createLetter(db, { title: "Pay rise for the night shift", addressee: "The Board of Example Corp" });
  await db.letter.update({ where: { id: letter.id }, data: { discreetEmails } });
  const owner = await createActor(db);
  const invitation = await db.organiserInvitation.create({
    data: { letterId: letter.id, email: "colleague@example.org", role: "EDITOR", invitedById: owner.userId, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return invitationEmail.render({ invitationId: invitation.id }, { db, appUrl: "http://localhost:3000", now: new Date(), authSecret: "x".repeat(32) });
}

describe("the co-organiser invitation", () => {
  beforeEach(() => resetDatabase(db));

  it("names neither the letter nor its addressee when the letter's emails are discreet", async () => {
    const email = await renderInvitation(true);
    expect(email.subject).toBe("You are invited to help edit an open letter on Undersigned");
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toContain("Pay rise");
      expect(part).not.toContain("Example Corp");
    }
    expect(email.text).toContain("invited you to edit an open letter on Undersigned");
  });

  it("names the letter when its emails are not discreet", async () => {
    const email = await renderInvitation(false);
    expect(email.subject).toBe('You are invited to help edit "Pay rise for the night shift" on Undersigned');
    expect(email.text).toContain('the open letter "Pay rise for the night shift"');
  });
});
