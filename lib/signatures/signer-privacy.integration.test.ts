import { beforeEach, describe, expect, it } from "vitest";
import { deliverDueEmails } from "@/lib/mail/deliver-due-emails";
import { emailTemplates } from "@/lib/mail/email-templates";
import { createSmtpTransport } from "@/lib/mail/transports";
import { createSignature } from "./create-signature";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, signingDeps } from "@/tests/support/signing";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { smtpCaptureForFile } from "@/tests/support/smtp-capture-for-file";

// What an employer (or anyone with a copy of our database) must not learn: which of its
// employees signed. Once the verification email has left, no table may hold the address, and
// no usable link either.

const db = connectTestDb();
const smtp = smtpCaptureForFile();

const deliver = (now = new Date(), smtpUrl?: string) =>
  deliverDueEmails(db, {
    transport: smtpUrl ? createSmtpTransport(smtpUrl) : smtp.transport,
    templates: emailTemplates,
    from: "Undersigned <letters@undersigned.test>",
    appUrl: "https://undersigned.test",
    now: () => now,
  });

/** Every text-like column of every table that contains `needle`, case-insensitively. */
async function columnsContaining(needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'USER-DEFINED', 'ARRAY')`;
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`, `%${needle}%`);
    if (row && row.n > 0n) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

describe("a signer's address", () => {
  beforeEach(() => resetDatabase(db));

  it("is in no table once the verification email has been sent, and neither is its link", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    await createSignature(signingDeps(db), letter.slug, signer({ email: "Privacy.Person+letters@Microsoft.com" }));
    expect(await columnsContaining("privacy.person")).toEqual(["OutboxEmail.to"]);

    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const message = await smtp.capture.waitForMessage((m) => m.envelope.to.includes("Privacy.Person+letters@microsoft.com"));
    const token = message.text?.match(/\/confirm\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(await columnsContaining("privacy.person")).toEqual([]);
    expect(await columnsContaining(token!)).toEqual([]);
  });

  it("still gets a 'check your inbox' while SMTP is down, and its email once SMTP is back", async () => {
    const letter = await createLetter(db, { domains: ["microsoft.com"] });
    smtp.capture.refuseConnections(true);
    try {
      const answer = await createSignature(signingDeps(db), letter.slug, signer({ email: "outage@microsoft.com" }));
      expect(answer).toEqual({ status: "pending" });
      expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    } finally {
      smtp.capture.refuseConnections(false);
    }
    const queued = await db.outboxEmail.findFirstOrThrow();
    expect(queued).toMatchObject({ sentAt: null, to: "outage@microsoft.com" });
    expect(queued.lastError).not.toContain("outage@");

    // Not before the backoff has passed; then exactly once.
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    expect(await deliver(new Date(queued.nextAttemptAt.getTime() + 1))).toEqual({ sent: 1, failed: 0 });
    expect(await deliver(new Date(Date.now() + 3_600_000))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.capture.messages.filter((m) => m.envelope.to.includes("outage@microsoft.com"))).toHaveLength(1);
  });

  it("is erased when it can never be reached: refused for good by its server, or failing for a week", async () => {
    const strictServer = await startSmtpCapture({ unknownRecipients: (address) => address.startsWith("nobody") });
    try {
      const letter = await createLetter(db, { domains: ["microsoft.com"] });
      await createSignature(signingDeps(db), letter.slug, signer({ email: "nobody@microsoft.com" }));
      expect(await deliver(new Date(), strictServer.url)).toEqual({ sent: 0, failed: 1 });
      const refused = await db.outboxEmail.findFirstOrThrow();
      expect(refused).toMatchObject({ to: null, data: {}, sentAt: null });
      expect(refused.abandonedAt).toBeInstanceOf(Date);
      expect(refused.lastError).toMatch(/550/);
      expect(await columnsContaining("nobody@")).toEqual([]);

      // A server-wide outage is not given up on, until the email is a week old.
      await resetDatabase(db);
      const other = await createLetter(db, { domains: ["microsoft.com"] });
      await createSignature(signingDeps(db), other.slug, signer({ email: "patient@microsoft.com" }));
      smtp.capture.refuseConnections(true);
      try {
        expect(await deliver()).toEqual({ sent: 0, failed: 1 });
        expect((await db.outboxEmail.findFirstOrThrow()).to).toBe("patient@microsoft.com");
        const aWeekLater = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000 + 60_000);
        expect(await deliver(aWeekLater)).toEqual({ sent: 0, failed: 1 });
      } finally {
        smtp.capture.refuseConnections(false);
      }
      expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({ to: null, abandonedAt: expect.any(Date) });
      expect(await deliver(new Date(Date.now() + 30 * 24 * 60 * 60 * 1000))).toEqual({ sent: 0, failed: 0 });
    } finally {
      await strictServer.close();
    }
  });
});
