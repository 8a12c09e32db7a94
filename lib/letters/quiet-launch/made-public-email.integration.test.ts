import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { madePublicEmail } from "./made-public-email";

// Organisers are often reached at a work address, which the employer reads: a letter whose
// emails are discreet must not be named when it goes public either.

const db = connectTestDb();

async function renderFor(discreetEmails: boolean) {
  const letter = await createLetter(db, { title: "Pay rise for the night shift", addressee: "The Board of Example Corp" });
  await db.letter.update({ where: { id: letter.id }, data: { discreetEmails } });
  const email = await madePublicEmail.render({ letterId: letter.id, listAtSignatures: 50 }, { db, appUrl: "https://letters.example/", now: new Date() });
  return { letter, email };
}

describe("the email that tells organisers their letter went public", () => {
  beforeEach(() => resetDatabase(db));

  it("names neither the letter nor its addressee when the letter's emails are discreet, and links to the organiser page", async () => {
    const { letter, email } = await renderFor(true);
    expect(email.subject).toBe("Your open letter on Undersigned is now public");
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toContain("Pay rise");
      expect(part).not.toContain("Example Corp");
    }
    expect(email.text).toContain("Your open letter reached 50 verified signatures, so it was made public, as you chose");
    expect(email.text).toContain(`https://letters.example/organise/letters/${letter.id}`);
  });

  it("names the letter when its emails are not discreet", async () => {
    const { email } = await renderFor(false);
    expect(email.subject).toBe('"Pay rise for the night shift" is now public on Undersigned');
    expect(email.text).toContain('"Pay rise for the night shift" reached 50 verified signatures');
  });
});
