import { beforeEach, describe, expect, it } from "vitest";
import { deliverDueEmails } from "@/lib/mail/deliver-due-emails";
import { emailTemplates } from "@/lib/mail/email-templates";
import { Prisma } from "@/lib/db/prisma";
import { hashToken } from "@/lib/security/tokens";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, signingDeps } from "@/tests/support/signing";
import { smtpCaptureForFile } from "@/tests/support/smtp-capture-for-file";
import type { TCapturedMail } from "@/tests/support/smtp-capture";
import { confirmSignature } from "./confirm-signature";
import { createSignature } from "./create-signature";
import { describeTokenLink } from "./describe-token-link";
import { withdrawSignature } from "./withdraw-signature";

// Attack: the employer reads its staff's mail (journaling, eDiscovery, security scanning) and can
// submit any address to any letter. If the email a submission triggers differed by whether the
// address had signed ("you have already signed", or no email at all), the employer would learn
// who signed by submitting each employee's address and reading their inboxes, without a click.
// So every state gets one and the same email, and the pages its links open look the same before
// their button is pressed. Checked on the wire, through a real SMTP server.

const db = connectTestDb();
const smtp = smtpCaptureForFile();
const APP_URL = "http://localhost:3000";
const STATES = ["new", "pending", "confirmed", "withdrawn", "invalidated"] as const;
type TState = (typeof STATES)[number];

const deliver = () =>
  deliverDueEmails(db, {
    transport: smtp.transport,
    templates: emailTemplates,
    from: "Undersigned <letters@undersigned.test>",
    appUrl: APP_URL,
    authSecret: "x".repeat(32),
  });
const addressFor = (state: TState) => `${state}@microsoft.com`;
const linkIn = (mail: TCapturedMail, path: "confirm" | "withdraw") => {
  const match = new RegExp(`${APP_URL}/${path}/([A-Za-z0-9_-]{43})`).exec(mail.text ?? "");
  if (!match?.[1]) throw new Error(`no ${path} link in ${mail.text}`);
  return match[1];
};

/**
 * An email with what may differ between two of them masked: tokens, dates, ids and the recipient.
 * Decoded text and HTML rather than the raw source, whose quoted-printable line breaks fall
 * wherever each token's characters put them.
 */
function masked(mail: TCapturedMail, address: string) {
  const mask = (value: string) => value.replaceAll(address, "<recipient>").replace(/\/(confirm|withdraw)\/[A-Za-z0-9_-]{43}/g, "/$1/<token>");
  const headers = [...mail.headers.entries()]
    .filter(([name]) => !["date", "message-id", "content-type"].includes(name))
    .map(([name, value]) => `${name}: ${mask(JSON.stringify(value))}`)
    .sort();
  return { headers, subject: mail.subject, text: mask(mail.text ?? ""), html: mask(String(mail.html)) };
}

/** The signer's own submission, before the probe: their real details, which nothing may leak. */
async function bringToState(letter: { slug: string; id: string }, state: TState) {
  if (state === "new") return;
  const own = signer({ email: addressFor(state), name: "Real Signer", anonymous: true });
  await createSignature(signingDeps(db), letter.slug, own);
  await deliver();
  if (state === "pending") return;
  const mail = smtp.capture.messages.at(-1)!;
  await confirmSignature(db, linkIn(mail, "confirm"), new Date());
  if (state === "withdrawn") await withdrawSignature(db, linkIn(mail, "withdraw"), new Date());
  if (state === "invalidated") {
    const { signatureId } = await db.signatureToken.findUniqueOrThrow({ where: { tokenHash: hashToken(linkIn(mail, "confirm")) } });
    await db.signature.update({ where: { id: signatureId }, data: { state: "INVALIDATED", endedAt: new Date() } });
  }
}

describe("the mailbox does not tell who signed", () => {
  beforeEach(() => resetDatabase(db));

  for (const discreetEmails of [true, false]) {
    it(`sends the same email, opening the same pages, whatever the address's state (${discreetEmails ? "discreet" : "named"} letter)`, async () => {
      const letter = await createLetter(db, { domains: ["microsoft.com"] });
      await db.letter.update({ where: { id: letter.id }, data: { discreetEmails } });
      for (const state of STATES) await bringToState(letter, state);
      smtp.capture.messages.length = 0;

      // The probe: the same submission for each address, as the employer would send it.
      for (const state of STATES) {
        await createSignature(signingDeps(db), letter.slug, signer({ email: addressFor(state), name: "Probe Name", anonymous: false }));
      }
      await deliver();

      const mails = STATES.map((state) => smtp.capture.messages.find((mail) => mail.envelope.to[0] === addressFor(state)));
      expect(mails.every(Boolean), "every state gets an email").toBe(true);
      const bodies = STATES.map((state, i) => masked(mails[i]!, addressFor(state)));
      for (const [i, body] of bodies.entries()) expect(body, STATES[i]).toEqual(bodies[0]);
      expect(new Set(mails.map((mail) => mail!.subject)).size).toBe(1);
      expect(JSON.stringify(bodies[0])).not.toMatch(/already signed|Real Signer|\/receipt\//i);
      expect(bodies[0]?.text).toMatch(/\/confirm\/<token>[\s\S]*\/withdraw\/<token>/);

      const pages = await Promise.all(
        mails.map(async (mail) => ({
          confirm: await describeTokenLink(db, linkIn(mail!, "confirm"), "CONFIRM", new Date()),
          withdraw: await describeTokenLink(db, linkIn(mail!, "withdraw"), "WITHDRAW", new Date()),
        })),
      );
      for (const [i, view] of pages.entries()) expect(view, STATES[i]).toEqual(pages[0]);
      expect(pages[0]?.confirm).toMatchObject({ kind: "ready", appearsAs: { name: "Probe Name", domain: "microsoft.com" } });
    });
  }

  it("lets no press of a probe's link change how a confirmed signer appears, nor revive an ended one", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    for (const state of ["confirmed", "invalidated"] as const) await bringToState(letter, state);
    smtp.capture.messages.length = 0;
    for (const state of ["confirmed", "invalidated"] as const) {
      await createSignature(signingDeps(db), letter.slug, signer({ email: addressFor(state), name: "Probe Name", anonymous: false }));
    }
    await deliver();
    const to = (state: TState) => smtp.capture.messages.find((mail) => mail.envelope.to[0] === addressFor(state));
    const [toConfirmed, toInvalidated] = [to("confirmed"), to("invalidated")];

    const before = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, state: "CONFIRMED" } });
    expect(await confirmSignature(db, linkIn(toConfirmed!, "confirm"), new Date())).toMatchObject({ outcome: "already-confirmed" });
    const after = await db.signature.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ state: "CONFIRMED", displayName: "Real Signer", showName: false, confirmedAt: before.confirmedAt });

    await expect(confirmSignature(db, linkIn(toInvalidated!, "confirm"), new Date())).rejects.toMatchObject({ code: "SIGNATURE_ENDED" });
    expect(await db.signature.count({ where: { letterId: letter.id, state: "INVALIDATED" } })).toBe(1);
    // A pressed link keeps nothing of what its submission proposed.
    expect(await db.signatureToken.count({ where: { usedAt: { not: null }, NOT: { proposal: { equals: Prisma.AnyNull } } } })).toBe(0);
  });

  it("confirms a pending signature as the pressed link's page showed it, whichever submission came last", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    await createSignature(signingDeps(db), letter.slug, signer({ email: "sam@microsoft.com", name: "Sam Typo", anonymous: false }));
    await createSignature(signingDeps(db), letter.slug, signer({ email: "sam@microsoft.com", name: "Sam Right", anonymous: true }));
    await deliver();
    // The outbox may send the two in either order: tell them apart by what their pages show.
    const shows = async (mail: TCapturedMail) =>
      (await describeTokenLink(db, linkIn(mail, "confirm"), "CONFIRM", new Date())) as { appearsAs?: { name: string | null } };
    const [a, b] = smtp.capture.messages;
    const first = (await shows(a!)).appearsAs?.name === "Sam Typo" ? a : b;
    const second = first === a ? b : a;
    expect(await shows(second!)).toMatchObject({ appearsAs: { name: null } });

    await confirmSignature(db, linkIn(first!, "confirm"), new Date());
    expect(await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).toMatchObject({
      state: "CONFIRMED",
      displayName: "Sam Typo",
      showName: true,
    });
    // The other link now confirms nothing and changes nothing.
    expect((await confirmSignature(db, linkIn(second!, "confirm"), new Date())).outcome).toBe("already-confirmed");
    expect(await db.signature.findFirstOrThrow({ where: { letterId: letter.id } })).toMatchObject({ displayName: "Sam Typo", showName: true });
  });
});
