import { beforeEach, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import type { TEmailTemplate } from "./email-template";
import { enqueueEmail } from "./enqueue-email";
import { startOutboxWorker, type TOutboxWorkerOptions } from "./run-outbox-worker";
import { createPrismaClient } from "@/lib/db/prisma";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { smtpCaptureForFile } from "@/tests/support/smtp-capture-for-file";

const db = connectTestDb();

const greetingEmail: TEmailTemplate<{ name: string }> = {
  name: "test-greeting",
  data: z.object({ name: z.string() }),
  render: async ({ name }) => ({ subject: `Hello ${name}`, text: `Hi ${name}`, html: `<p>Hi ${name}</p>` }),
};

// An interval far longer than any wait below: whatever is delivered in these tests was delivered
// by a start, a kick or a full batch, never by the timer.
const NEVER_BY_TIMER = 60 * 60_000;

const smtp = smtpCaptureForFile();
beforeEach(async () => {
  await resetDatabase(db);
});

function options(overrides: Partial<TOutboxWorkerOptions> = {}): TOutboxWorkerOptions {
  return {
    db,
    transport: smtp.transport,
    templates: { [greetingEmail.name]: greetingEmail },
    from: "Undersigned <no-reply@undersigned.example>",
    appUrl: "https://undersigned.example",
    intervalMs: NEVER_BY_TIMER,
    log: () => {},
    ...overrides,
  };
}

const to = (address: string) => (message: { envelope: { to: string[] } }) => message.envelope.to.includes(address);

describe("startOutboxWorker", () => {
  it("delivers what was queued before it started, and what is queued later as soon as it is kicked", async () => {
    await enqueueEmail(db, greetingEmail, "early@example.com", { name: "Early" });
    const worker = startOutboxWorker(options());
    try {
      await smtp.capture.waitForMessage(to("early@example.com"));
      await enqueueEmail(db, greetingEmail, "kicked@example.com", { name: "Kicked" });
      worker.kick();
      await smtp.capture.waitForMessage(to("kicked@example.com"));
    } finally {
      await worker.stop();
    }
    expect(smtp.capture.messages).toHaveLength(2);
  });

  it("goes straight on to the next batch while batches come back full", async () => {
    for (let i = 0; i < 7; i++) await enqueueEmail(db, greetingEmail, `signer${i}@example.com`, { name: `Signer ${i}` });
    const worker = startOutboxWorker(options({ batchSize: 2 }));
    try {
      for (let i = 0; i < 7; i++) await smtp.capture.waitForMessage(to(`signer${i}@example.com`));
    } finally {
      await worker.stop();
    }
    expect(smtp.capture.messages).toHaveLength(7);
  });

  it("waits for the delivery in progress when stopped", async () => {
    await enqueueEmail(db, greetingEmail, "jane@example.com", { name: "Jane" });
    const worker = startOutboxWorker(options());
    worker.kick();
    await worker.stop();
    expect(smtp.capture.messages.map((message) => message.envelope.to)).toEqual([["jane@example.com"]]);
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(0);
  });

  it("logs a database outage and keeps going", async () => {
    const url = new URL(inject("databaseUrl"));
    url.pathname = "/undersigned_no_such_database";
    const unreachable = createPrismaClient(url.toString(), { poolSize: 1 });
    const logs: string[] = [];
    let logged!: () => void;
    const secondFailure = new Promise<void>((resolve) => (logged = resolve));
    const worker = startOutboxWorker(
      options({
        db: unreachable,
        intervalMs: 10,
        log: (message) => {
          logs.push(message);
          if (logs.length === 2) logged();
        },
      }),
    );
    try {
      await secondFailure;
    } finally {
      await worker.stop();
      await unreachable.$disconnect();
    }
    expect(logs[0]).toMatch(/Email delivery failed/);
  });
});

describe("startOutboxWorker while the mail server is down", () => {
  // An SMTP outage during a signing spike: every new signature kicks the worker. It must not
  // answer each kick (or each tick) with more connection attempts, and must deliver everything
  // once the server is back.
  it("pauses after a run in which nothing got through, probes with one email at a time, doubling the pause, then catches up", async () => {
    for (let i = 0; i < 60; i++) await enqueueEmail(db, greetingEmail, `queued${i}@example.com`, { name: `Signer ${i}` });
    const attempts: number[] = [];
    let serverUp = false;
    const delivered = new Set<string>();
    const transport = {
      async send(message: { to: string }) {
        attempts.push(performance.now());
        if (!serverUp) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNECTION" });
        delivered.add(message.to);
      },
    };
    const worker = startOutboxWorker(options({ transport, batchSize: 10, intervalMs: 10, outagePauseMs: { first: 40, max: 160 } }));
    const kicks = setInterval(() => worker.kick(), 2);
    try {
      while (attempts.length < 10 + 4) await new Promise((resolve) => setTimeout(resolve, 5));
      // The first batch failed whole; after it, single probes, each after a longer pause.
      const probes = attempts.slice(10, 14);
      const gaps = probes.map((at, index) => at - (index === 0 ? attempts[9]! : probes[index - 1]!));
      expect(gaps[0]).toBeGreaterThanOrEqual(35);
      expect(gaps[1]).toBeGreaterThanOrEqual(75);
      expect(gaps[2]).toBeGreaterThanOrEqual(155);
      expect(gaps[3]).toBeGreaterThanOrEqual(155);

      serverUp = true;
      while (delivered.size < 60) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      clearInterval(kicks);
      await worker.stop();
    }
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(0);
  });
});
