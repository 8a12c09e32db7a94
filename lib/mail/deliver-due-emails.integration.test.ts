// Over 250 lines on purpose: every way a delivery can go (sent, refused, down, crashed, raced), each a short case on one outbox.
import net from "node:net";
import type { AddressObject } from "mailparser";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { claimDueEmails } from "./claim-due-emails";
import { deliverDueEmails, type TDeliverDueEmailsDeps } from "./deliver-due-emails";
import type { TEmailTemplate } from "./email-template";
import { enqueueEmail } from "./enqueue-email";
import { createSmtpTransport, type TMailTransport } from "./transports";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { smtpCaptureForFile } from "@/tests/support/smtp-capture-for-file";

const db = connectTestDb();
// A second instance of the app: its own connection pool, its own SMTP connections.
const otherInstanceDb = connectTestDb();

const FROM = "Undersigned <no-reply@undersigned.example>";
const APP_URL = "https://undersigned.example";

// Long enough, and with enough non-ASCII, that nodemailer sends it quoted-printable.
const greetingEmail: TEmailTemplate<{ name: string }> = {
  name: "test-greeting",
  data: z.object({ name: z.string() }),
  render: async ({ name }, { appUrl }) => ({
    subject: `Hello ${name}`,
    text: `Hi ${name}, thank you — your café link is ${appUrl}/confirm/abc?x=1&y=2. ${"Please read this long line. ".repeat(4)}`,
    html: `<p>Hi <b>${name}</b>, thank you — <a href="${appUrl}/confirm/abc?x=1&amp;y=2">your café link</a>.</p>`,
  }),
};
const templates = { [greetingEmail.name]: greetingEmail };

const smtp = smtpCaptureForFile();
let logs: string[];

beforeEach(async () => {
  await resetDatabase(db);
  logs = [];
});

/** A clock the test moves by hand; it starts now, after whatever the test queued before. */
function testClock() {
  let current = new Date();
  return { now: () => current, advance: (ms: number) => (current = new Date(current.getTime() + ms)) };
}

function deps(clock: { now: () => Date }, overrides: Partial<TDeliverDueEmailsDeps> = {}): TDeliverDueEmailsDeps {
  return { transport: smtp.transport, templates, from: FROM, appUrl: APP_URL, now: clock.now, log: (message) => logs.push(message), ...overrides };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return [field ?? []].flat().flatMap((group) => group.value.map((entry) => entry.address ?? ""));
}

const FIFTEEN_MINUTES_AND_SOME = 16 * 60_000;

describe("deliverDueEmails", () => {
  it("sends a queued email with proper headers and both parts, then keeps neither the address nor the data", async () => {
    await enqueueEmail(db, greetingEmail, "jane.doe@example.com", { name: "Jane" });
    const clock = testClock();

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 1, failed: 0 });

    expect(smtp.capture.messages).toHaveLength(1);
    const [message] = smtp.capture.messages;
    const rendered = await greetingEmail.render({ name: "Jane" }, { db, appUrl: APP_URL, now: clock.now() });
    expect(message?.from?.value).toEqual([{ name: "Undersigned", address: "no-reply@undersigned.example" }]);
    expect(addresses(message?.to)).toEqual(["jane.doe@example.com"]);
    expect(message?.envelope.to).toEqual(["jane.doe@example.com"]);
    expect(message?.subject).toBe("Hello Jane");
    expect(message?.text?.trim()).toBe(rendered.text.trim());
    expect(message?.html).toContain(rendered.html);
    expect(message?.messageId).toMatch(/^<[^@\s<>]+@undersigned\.example>$/);
    expect(message?.date).toBeInstanceOf(Date);
    expect(Number.isNaN(message?.date?.getTime())).toBe(false);
    // What was decoded above really was encoded on the wire.
    expect(message?.raw).toMatch(/Content-Transfer-Encoding: quoted-printable/i);
    expect(message?.raw).toMatch(/multipart\/alternative/i);

    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ to: null, data: {}, sentAt: clock.now(), lastError: null, attempts: 1 });

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.capture.messages).toHaveLength(1);
  });

  it("keeps the email while SMTP is down, with no address in its error, and delivers it exactly once when SMTP is back", async () => {
    await enqueueEmail(db, greetingEmail, "jane.doe@example.com", { name: "Jane" });
    const clock = testClock();
    smtp.capture.refuseConnections(true);

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 1 });
    const failed = await db.outboxEmail.findFirstOrThrow();
    expect(failed).toMatchObject({ to: "jane.doe@example.com", data: { name: "Jane" }, sentAt: null, attempts: 1 });
    // What went wrong, in the transport's words (the capture refused the connection).
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect|closed|refus/i);
    expect(failed.lastError).not.toContain("@");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    expect(logs.join("\n")).not.toContain("@");

    // Not due again before its backoff, even once the server is back.
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 0 });
    smtp.capture.refuseConnections(false);
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.capture.messages).toHaveLength(0);

    clock.advance(FIFTEEN_MINUTES_AND_SOME);
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 1, failed: 0 });
    clock.advance(FIFTEEN_MINUTES_AND_SOME);
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.capture.messages.map((message) => message.envelope.to)).toEqual([["jane.doe@example.com"]]);
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({ to: null, lastError: null, attempts: 2 });
  });

  it("sends every email held back by an outage as soon as one retry gets through, not at its own backoff", async () => {
    for (const name of ["A", "B", "C"]) await enqueueEmail(db, greetingEmail, `${name.toLowerCase()}@example.com`, { name });
    const clock = testClock();
    smtp.capture.refuseConnections(true);
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 3 });
    // B and C failed for longer, so their backoff runs far past A's.
    await db.outboxEmail.updateMany({ where: { to: { not: "a@example.com" } }, data: { nextAttemptAt: new Date(clock.now().getTime() + 10 * 60_000) } });

    smtp.capture.refuseConnections(false);
    clock.advance(13_000);
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 2, failed: 0 });
    expect(smtp.capture.messages.flatMap((message) => message.envelope.to).sort()).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
  });

  it("stops a batch at an unreachable mail server: one attempt per concurrent send, the rest handed back unspent", async () => {
    const recipients = Array.from({ length: 20 }, (_, i) => `signer${i}@example.com`);
    for (const to of recipients) await enqueueEmail(db, greetingEmail, to, { name: "Sam" });
    const clock = testClock();
    smtp.capture.refuseConnections(true);

    // Five sends run at once (the batch's concurrency) and each meets the refusal; sending the
    // other fifteen would be fifteen more connection attempts to a server that is down.
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 5 });
    const rows = await db.outboxEmail.findMany();
    const failed = rows.filter((row) => row.lastError !== null);
    const handedBack = rows.filter((row) => row.lastError === null);
    expect(failed).toHaveLength(5);
    expect(failed.every((row) => row.attempts === 1 && row.nextAttemptAt > clock.now())).toBe(true);
    // Not an attempt, and due at once: when the server is back they go first, without a backoff.
    expect(handedBack).toHaveLength(15);
    expect(handedBack.every((row) => row.attempts === 0 && row.nextAttemptAt <= clock.now())).toBe(true);

    smtp.capture.refuseConnections(false);
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 15, failed: 0 });
    expect(smtp.capture.messages).toHaveLength(15);
  });

  it("stops a batch just as soon when the server accepts each connection and drops it", async () => {
    for (let i = 0; i < 20; i++) await enqueueEmail(db, greetingEmail, `signer${i}@example.com`, { name: "Sam" });
    // A mail server going down: it still accepts connections and closes each at once, unanswered.
    let connections = 0;
    const dropping = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
    const transport = createSmtpTransport(`smtp://127.0.0.1:${(dropping.address() as net.AddressInfo).port}`);
    try {
      const result = await deliverDueEmails(db, deps(testClock(), { transport }));
      expect(result).toEqual({ sent: 0, failed: 5 });
      // One connection per send that was under way; none for the fifteen handed back.
      expect(connections).toBeLessThanOrEqual(5);
      expect(await db.outboxEmail.count({ where: { attempts: 0, lastError: null } })).toBe(15);
    } finally {
      await transport.close?.();
      await new Promise((resolve) => dropping.close(resolve));
    }
  });

  it("leaves an email being sent by another worker alone when releasing held-back ones", async () => {
    for (const name of ["A", "B"]) await enqueueEmail(db, greetingEmail, `${name.toLowerCase()}@example.com`, { name });
    const clock = testClock();
    smtp.capture.refuseConnections(true);
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 2 });
    smtp.capture.refuseConnections(false);
    clock.advance(13_000);
    // Another worker has B in hand (claimed, its lease running) when A's retry gets through.
    await db.outboxEmail.updateMany({ where: { to: "b@example.com" }, data: { nextAttemptAt: new Date(0) } });
    await db.outboxEmail.updateMany({ where: { to: "a@example.com" }, data: { nextAttemptAt: new Date(clock.now().getTime() + 60_000) } });
    expect(await claimDueEmails(db, { now: clock.now(), batchSize: 1, leaseSeconds: 60 })).toHaveLength(1);
    await db.outboxEmail.updateMany({ where: { to: "a@example.com" }, data: { nextAttemptAt: clock.now() } });

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.capture.messages.flatMap((message) => message.envelope.to)).toEqual(["a@example.com"]);
  });

  it("backs off further after each failure and raises its voice after many", async () => {
    await enqueueEmail(db, greetingEmail, "jane.doe@example.com", { name: "Jane" });
    const clock = testClock();
    smtp.capture.refuseConnections(true);

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 1 });
      const row = await db.outboxEmail.findFirstOrThrow();
      delays.push(row.nextAttemptAt.getTime() - clock.now().getTime());
      clock.advance(FIFTEEN_MINUTES_AND_SOME);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(8_000);
    expect(delays[0]).toBeLessThanOrEqual(12_000);
    expect(delays[3]).toBeGreaterThan(delays[0] ?? Infinity);
    expect(Math.max(...delays)).toBeLessThanOrEqual(15 * 60_000);
    expect(logs.filter((line) => line.includes("ATTENTION"))).toHaveLength(1);
    expect(logs.join("\n")).not.toContain("jane");
  });

  it("sends each of 20 emails exactly once when two instances deliver at the same time", async () => {
    for (let i = 0; i < 20; i++) await enqueueEmail(db, greetingEmail, `signer${i}@example.com`, { name: `Signer ${i}` });
    const clock = testClock();
    const otherTransport = createSmtpTransport(smtp.capture.url);

    const drain = async (instanceDb: typeof db, instanceTransport: TMailTransport) => {
      let total = 0;
      for (;;) {
        const { sent, failed } = await deliverDueEmails(instanceDb, deps(clock, { transport: instanceTransport, batchSize: 3 }));
        expect(failed).toBe(0);
        if (sent === 0) return total;
        total += sent;
      }
    };
    const [first, second] = await Promise.all([drain(db, smtp.transport), drain(otherInstanceDb, otherTransport)]);
    await otherTransport.close?.();

    expect(first + second).toBe(20);
    const recipients = smtp.capture.messages.flatMap((message) => message.envelope.to).sort();
    expect(recipients).toEqual(Array.from({ length: 20 }, (_, i) => `signer${i}@example.com`).sort());
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });

  it("delivers an email claimed by a worker that died, once the claim's lease has run out", async () => {
    await enqueueEmail(db, greetingEmail, "jane.doe@example.com", { name: "Jane" });
    const clock = testClock();

    // The worker claims the email, then dies before sending it.
    expect(await claimDueEmails(db, { now: clock.now(), batchSize: 10, leaseSeconds: 120 })).toHaveLength(1);

    expect(await deliverDueEmails(db, deps(clock, { leaseSeconds: 120 }))).toEqual({ sent: 0, failed: 0 });
    clock.advance(119_000);
    expect(await deliverDueEmails(db, deps(clock, { leaseSeconds: 120 }))).toEqual({ sent: 0, failed: 0 });
    clock.advance(2_000);
    expect(await deliverDueEmails(db, deps(clock, { leaseSeconds: 120 }))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.capture.messages).toHaveLength(1);
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({ attempts: 2, to: null });
  });

  it("starts no send once too little of the lease is left, and hands the rest of the batch back", async () => {
    for (let i = 0; i < 8; i++) await enqueueEmail(db, greetingEmail, `signer${i}@example.com`, { name: `Signer ${i}` });
    const clock = testClock();
    // A server so slow that each exchange takes 35 s: any one of the five sends started at once
    // ends past the last moment a send may start (30 s into the 60 s lease), whichever ends first.
    const slowTransport: TMailTransport = {
      send: async (message) => {
        await smtp.transport.send(message);
        clock.advance(35_000);
      },
    };

    expect(await deliverDueEmails(db, deps(clock, { transport: slowTransport }))).toEqual({ sent: 5, failed: 0 });
    const handedBack = await db.outboxEmail.findMany({ where: { sentAt: null } });
    expect(handedBack).toHaveLength(3);
    expect(handedBack.every((row) => row.attempts === 0 && row.nextAttemptAt <= clock.now())).toBe(true);

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 3, failed: 0 });
    expect(smtp.capture.messages).toHaveLength(8);
    expect(await db.outboxEmail.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });

  it("does not hand back emails another worker claimed after this run's lease ran out", async () => {
    for (let i = 0; i < 6; i++) await enqueueEmail(db, greetingEmail, `signer${i}@example.com`, { name: `Signer ${i}` });
    const clock = testClock();
    let otherClaim: ReturnType<typeof claimDueEmails> | undefined;
    // Sends so slow that this run's lease is over when they end; meanwhile another worker
    // claims every email of the batch, the one this run never started among them.
    const slowTransport: TMailTransport = {
      send: async (message) => {
        await smtp.transport.send(message);
        clock.advance(70_000);
        otherClaim ??= claimDueEmails(otherInstanceDb, { now: clock.now(), batchSize: 10, leaseSeconds: 60 });
        await otherClaim;
      },
    };

    expect(await deliverDueEmails(db, deps(clock, { transport: slowTransport }))).toEqual({ sent: 5, failed: 0 });
    expect(await otherClaim).toHaveLength(6);
    // The five this run sent are marked sent; the one it never started is the other worker's.
    const heldByOther = await db.outboxEmail.findFirstOrThrow({ where: { sentAt: null } });
    expect(heldByOther.attempts).toBe(2);
    expect(heldByOther.nextAttemptAt.getTime()).toBe(clock.now().getTime() - 4 * 70_000 + 60_000);
  });

  it("records an email sent while the database is away once it is back, and sends no more meanwhile", async () => {
    for (let i = 0; i < 8; i++) await enqueueEmail(db, greetingEmail, `signer${i}@example.com`, { name: `Signer ${i}` });
    const clock = testClock();
    // The database goes away as the first message is accepted, and comes back 600 ms later.
    let databaseDown = false;
    let restarted = false;
    const flakyDb = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "outboxEmail") return Reflect.get(target, property, receiver);
        return new Proxy(target.outboxEmail, {
          get(emails, method, emailsReceiver) {
            if (method !== "updateMany" || !databaseDown) return Reflect.get(emails, method, emailsReceiver);
            return async () => {
              throw Object.assign(new Error("Connection terminated unexpectedly"), { code: "57P01" });
            };
          },
        });
      },
    });
    const transport: TMailTransport = {
      send: async (message) => {
        await smtp.transport.send(message);
        if (!restarted) {
          restarted = true;
          databaseDown = true;
          setTimeout(() => (databaseDown = false), 600);
        }
      },
    };

    expect(await deliverDueEmails(flakyDb, deps(clock, { transport }))).toEqual({ sent: 5, failed: 0 });
    expect(await db.outboxEmail.count({ where: { sentAt: { not: null } } })).toBe(5);
    expect(await db.outboxEmail.count({ where: { sentAt: null, attempts: 0 } })).toBe(3);
    expect(logs.join("\n")).not.toMatch(/could not be marked sent/);

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 3, failed: 0 });
    const recipients = smtp.capture.messages.flatMap((message) => message.envelope.to);
    expect(recipients).toHaveLength(8);
    expect(new Set(recipients).size).toBe(8);
  });

  it("sends a subject with line breaks as one header line, to its one recipient only", async () => {
    await enqueueEmail(db, greetingEmail, "jane.doe@example.com", {
      name: "Jane\r\nBcc: everyone@attacker.example\r\nX-Injected: yes\n\r\n<p>a body of my own</p>",
    });
    const clock = testClock();

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 1, failed: 0 });
    const [message] = smtp.capture.messages;
    expect(message?.envelope.to).toEqual(["jane.doe@example.com"]);
    expect(message?.subject).not.toMatch(/[\r\n]/);
    expect(message?.subject?.startsWith("Hello Jane Bcc: everyone@attacker.example X-Injected: yes")).toBe(true);
    expect(message?.headers.has("bcc")).toBe(false);
    expect(message?.headers.has("x-injected")).toBe(false);
    const headerBlock = message?.raw.split(/\r?\n\r?\n/)[0] ?? "";
    expect(headerBlock).toMatch(/^Subject: /m);
    expect(headerBlock).not.toMatch(/^(Bcc|X-Injected):/im);
  });

  it("never sends to a stored recipient that is not one plain address, and keeps the address out of the error", async () => {
    await db.outboxEmail.create({
      data: { to: "jane.doe@example.com,\r\nBcc: everyone@attacker.example", template: greetingEmail.name, data: { name: "Jane" } },
    });
    const clock = testClock();

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 1 });
    expect(smtp.capture.messages).toHaveLength(0);
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toMatch(/recipient/);
    expect(row.lastError).not.toContain("@");
  });

  it("keeps an email whose template is unknown or whose data no longer fits, to retry after a fix", async () => {
    await db.outboxEmail.createMany({
      data: [
        { to: "a@example.com", template: "no-such-template", data: {} },
        { to: "b@example.com", template: "constructor", data: {} },
        { to: "c@example.com", template: greetingEmail.name, data: { name: 42 } },
      ],
    });
    const clock = testClock();

    expect(await deliverDueEmails(db, deps(clock))).toEqual({ sent: 0, failed: 3 });
    const rows = await db.outboxEmail.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => row.lastError)).toEqual([
      'Unknown email template "no-such-template"',
      'Unknown email template "constructor"',
      expect.stringMatching(/^Stored data does not fit template "test-greeting": name: /),
    ]);
    expect(rows.every((row) => row.sentAt === null && row.to !== null && row.nextAttemptAt > clock.now())).toBe(true);
    expect(smtp.capture.messages).toHaveLength(0);
  });
});
