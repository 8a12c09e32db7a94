import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TEmailTemplate } from "./email-template";
import { enqueueEmail } from "./enqueue-email";
import { connectTestDb, resetDatabase } from "@/tests/support/db";

const db = connectTestDb();

const greetingEmail: TEmailTemplate<{ name: string }> = {
  name: "test-greeting",
  data: z.object({ name: z.string().min(1) }),
  render: async ({ name }) => ({ subject: `Hello ${name}`, text: `Hi ${name}`, html: `<p>Hi ${name}</p>` }),
};

// A template whose data JSON cannot carry: a Date comes back from the outbox as a string.
const datedEmail: TEmailTemplate<{ at: Date }> = {
  name: "test-dated",
  data: z.object({ at: z.date() }),
  render: async ({ at }) => ({ subject: "Dated", text: at.toISOString(), html: at.toISOString() }),
};

describe("enqueueEmail", () => {
  beforeEach(() => resetDatabase(db));

  it("queues the email with whatever it is about, and not at all when that rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, greetingEmail, "rolled.back@example.com", { name: "Rolled Back" });
        throw new Error("the signature could not be stored");
      }),
    ).rejects.toThrow("the signature could not be stored");
    expect(await db.outboxEmail.count()).toBe(0);

    await db.$transaction((tx) => enqueueEmail(tx, greetingEmail, "jane.doe@example.com", { name: "Jane" }));
    const rows = await db.outboxEmail.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      to: "jane.doe@example.com",
      template: "test-greeting",
      data: { name: "Jane" },
      attempts: 0,
      sentAt: null,
      lastError: null,
    });
  });

  it("refuses data its template refuses, or that would not read back the same from JSON", async () => {
    await expect(enqueueEmail(db, greetingEmail, "jane@example.com", { name: "" })).rejects.toThrow();
    await expect(enqueueEmail(db, datedEmail, "jane@example.com", { at: new Date() })).rejects.toThrow(/JSON/);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses anything but one plain address as the recipient, so no header or recipient can be smuggled in", async () => {
    const attempts = [
      "jane@example.com\r\nBcc: everyone@attacker.example",
      "jane@example.com\nBcc: everyone@attacker.example",
      "jane@example.com\r\n",
      "jane@example.com, everyone@attacker.example",
      "jane@example.com;everyone@attacker.example",
      "Jane <jane@example.com>",
      '"jane@example.com" <everyone@attacker.example>',
      "jane @example.com",
      "jane@example.com\u2028",
      "jane@localhost",
      "jane",
      "",
    ];
    for (const to of attempts) {
      await expect(enqueueEmail(db, greetingEmail, to, { name: "Jane" }), JSON.stringify(to)).rejects.toThrow(/recipient/);
    }
    expect(await db.outboxEmail.count()).toBe(0);

    for (const to of ["Jane.O'Neil+letters@mail.example.co.uk", "jane@xn--bcher-kva.example", "jane@bücher.example"]) {
      await enqueueEmail(db, greetingEmail, to, { name: "Jane" });
    }
    expect(await db.outboxEmail.count()).toBe(3);
  });

  it("never puts the recipient in its error", async () => {
    const error = await enqueueEmail(db, greetingEmail, "jane@example.com, other@example.com", { name: "Jane" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain("@");
  });
});
