import { beforeEach, describe, expect, it } from "vitest";
import { deliverDueEmails } from "@/lib/mail/deliver-due-emails";
import { emailTemplates } from "@/lib/mail/email-templates";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { smtpCaptureForFile } from "@/tests/support/smtp-capture-for-file";
import { deleteExpiredCredentials } from "./delete-expired-credentials";
import { requestSignInLink } from "./request-sign-in-link";
import { hashSignInToken } from "./sign-in-link";

// An organiser's sign-in link is a key to their letters and to the names of everyone who signed
// them. It must be random, stored only as a hash, created only when the email leaves (never
// resting usable in the outbox), and the form must not let anyone flood an inbox.

const db = connectTestDb();
const smtp = smtpCaptureForFile();
const AUTH_SECRET = "test-auth-secret-test-auth-secret-test";
const APP_URL = "http://localhost:3000";

const deps = (mayEmail: () => Promise<boolean> = async () => true) => ({ db, addressHmacKey: "test-hmac-key-test-hmac-key-test-hmac", mayEmail });
const deliver = () =>
  deliverDueEmails(db, {
    transport: smtp.transport,
    templates: emailTemplates,
    from: "Undersigned <x@undersigned.test>",
    appUrl: APP_URL,
    authSecret: AUTH_SECRET,
  });

describe("sign-in links", () => {
  beforeEach(() => resetDatabase(db));

  it("queues no token, then emails a link to the scanner-safe page whose token is stored only as Auth.js's hash", async () => {
    await requestSignInLink(deps(), { email: " Maya@Example.ORG ", callbackPath: "/organise/letters/abc" });
    const queued = await db.outboxEmail.findFirstOrThrow();
    expect(queued).toMatchObject({ to: "maya@example.org", data: { email: "maya@example.org", callbackPath: "/organise/letters/abc" } });
    expect(await db.verificationToken.count()).toBe(0);

    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const message = smtp.capture.messages[0]!;
    const link = new URL((message.text ?? "").match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)![0]);
    expect(link.origin + link.pathname).toBe(`${APP_URL}/sign-in/verify`);
    expect(link.searchParams.get("email")).toBe("maya@example.org");
    expect(link.searchParams.get("callbackUrl")).toBe("/organise/letters/abc");
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stored = await db.verificationToken.findFirstOrThrow();
    expect(stored.identifier).toBe("maya@example.org");
    expect(stored.token).toBe(hashSignInToken(token, AUTH_SECRET));
    expect(stored.token).not.toContain(token);
    expect(stored.expires.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    // Sent: the outbox forgets the address and the data.
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({ to: null, data: {} });
  });

  it("answers the same but sends nothing when the address has asked too often", async () => {
    const answer = await requestSignInLink(
      deps(async () => false),
      { email: "maya@example.org" },
    );
    expect(answer).toEqual({ email: "maya@example.org" });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses what is not an address, and never sends anyone off-site after signing in", async () => {
    await expect(requestSignInLink(deps(), { email: "not an address" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { email: expect.any(Array) } });
    await expect(requestSignInLink(deps(), { email: "a@b.example\r\nBcc: x@evil.example" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    for (const callbackPath of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"]) {
      await requestSignInLink(deps(), { email: "maya@example.org", callbackPath });
    }
    const queued = await db.outboxEmail.findMany({ select: { data: true } });
    expect(queued.map((row) => (row.data as { callbackPath: string }).callbackPath)).toEqual(["/organise", "/organise", "/organise", "/organise"]);
  });

  it("refuses to send a sign-in link without the secret it must be hashed with", async () => {
    await requestSignInLink(deps(), { email: "maya@example.org" });
    const result = await deliverDueEmails(db, {
      transport: smtp.transport,
      templates: emailTemplates,
      from: "Undersigned <x@undersigned.test>",
      appUrl: APP_URL,
      log: () => {},
    });
    expect(result).toEqual({ sent: 0, failed: 1 });
    expect(await db.verificationToken.count()).toBe(0);
  });

  it("forgets expired sign-in tokens and sessions, keeping live ones", async () => {
    const now = new Date();
    const user = await db.user.create({ data: { email: "maya@example.org" } });
    await db.verificationToken.createMany({
      data: [
        { identifier: "maya@example.org", token: "old", expires: new Date(now.getTime() - 1000) },
        { identifier: "maya@example.org", token: "live", expires: new Date(now.getTime() + 60_000) },
      ],
    });
    await db.session.createMany({
      data: [
        { sessionToken: "old", userId: user.id, expires: new Date(now.getTime() - 1000) },
        { sessionToken: "live", userId: user.id, expires: new Date(now.getTime() + 60_000) },
      ],
    });
    expect(await deleteExpiredCredentials(db, now)).toEqual({ tokens: 1, sessions: 1 });
    expect((await db.verificationToken.findMany()).map((row) => row.token)).toEqual(["live"]);
    expect((await db.session.findMany()).map((row) => row.sessionToken)).toEqual(["live"]);
  });
});
