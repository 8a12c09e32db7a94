import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { deliverDueEmails } from "./deliver-due-emails";
import type { TEmailTemplate } from "./email-template";
import { enqueueEmail } from "./enqueue-email";
import { createDevMailboxTransport, listDevMailbox, readDevMailboxMessage } from "./dev-mailbox";
import { createMailTransport, createSmtpTransport } from "./transports";
import { ConfigError, parseEnv } from "@/lib/config/env";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { startSmtpCapture, type TSmtpCapture } from "@/tests/support/smtp-capture";

const db = connectTestDb();
const message = (n: number) => ({
  from: "Undersigned <no-reply@undersigned.example>",
  to: `signer${n}@example.com`,
  subject: `Message ${n}`,
  text: `Text ${n}`,
  html: `<p>Html ${n}</p>`,
});

let capture: TSmtpCapture;
let scratch: string;

beforeAll(async () => {
  capture = await startSmtpCapture();
  scratch = await mkdtemp(path.join(os.tmpdir(), "undersigned-mailbox-test-"));
});
afterAll(async () => {
  await capture.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  capture.messages.length = 0;
  capture.refuseConnections(false);
});

describe("the dev mailbox", () => {
  it("keeps each message as a file in a folder it creates, and lists and reads them back", async () => {
    const dir = path.join(scratch, "writes", "mailbox");
    const logged: string[] = [];
    const transport = createDevMailboxTransport(dir, (line) => logged.push(line));
    expect(await listDevMailbox(dir, 10)).toEqual([]);

    await transport.send(message(1));
    await transport.send({ ...message(2), subject: "Line one\r\nBcc: everyone@attacker.example" });

    const files = await readdir(dir);
    expect(files).toHaveLength(2);
    expect(files.every((name) => /^\d{13}-[0-9a-f]{12}\.json$/.test(name))).toBe(true);

    const listed = await listDevMailbox(dir, 10);
    expect(listed.map((entry) => entry.to).sort()).toEqual(["signer1@example.com", "signer2@example.com"]);
    expect(listed.find((entry) => entry.to === "signer2@example.com")?.subject).toBe("Line one Bcc: everyone@attacker.example");
    expect(await listDevMailbox(dir, 1)).toHaveLength(1);

    const first = listed.find((entry) => entry.to === "signer1@example.com");
    expect(first).toMatchObject({ ...message(1), id: expect.any(String), sentAt: expect.any(String) });
    expect(await readDevMailboxMessage(dir, first?.id ?? "")).toEqual(first);
    // Logged, so a first-time user sees where the email went, but never with its address.
    expect(logged).toHaveLength(2);
    expect(logged.join("\n")).toContain(`/dev/mailbox/${first?.id}`);
    expect(logged.join("\n")).not.toContain("@example.com");
  });

  it("reads nothing outside its folder, whatever id it is given", async () => {
    const dir = path.join(scratch, "traversal", "mailbox");
    const transport = createDevMailboxTransport(dir);
    await transport.send(message(1));
    // A file shaped like a message, one level up: what a traversal would be after.
    await writeFile(path.join(scratch, "traversal", "1700000000000-aaaaaaaaaaaa.json"), JSON.stringify({ ...message(9), sentAt: "x" }));
    await writeFile(path.join(scratch, "traversal", "secret.json"), JSON.stringify({ ...message(9), sentAt: "x" }));

    const ids = [
      "../secret",
      "../1700000000000-aaaaaaaaaaaa",
      "..%2Fsecret",
      "1700000000000-aaaaaaaaaaaa/../../secret",
      path.join(scratch, "traversal", "secret"),
      "/etc/passwd",
      "..",
      ".",
      "",
      "1700000000000-aaaaaaaaaaaa\u0000",
    ];
    for (const id of ids) {
      expect(await readDevMailboxMessage(dir, id), JSON.stringify(id)).toBeNull();
    }
    expect(await readDevMailboxMessage(dir, "1700000000000-bbbbbbbbbbbb")).toBeNull();
  });

  it("receives what the outbox delivers when no SMTP server is configured", async () => {
    await resetDatabase(db);
    const dir = path.join(scratch, "outbox", "mailbox");
    const template: TEmailTemplate<{ name: string }> = {
      name: "test-hello",
      data: z.object({ name: z.string() }),
      render: async ({ name }) => ({ subject: `Hello ${name}`, text: `Hi ${name}`, html: `<p>Hi ${name}</p>` }),
    };
    await enqueueEmail(db, template, "jane.doe@example.com", { name: "Jane" });

    const transport = createMailTransport(parseEnv({ DEV_MAILBOX_DIR: dir }));
    const result = await deliverDueEmails(db, {
      transport,
      templates: { [template.name]: template },
      from: "Undersigned <no-reply@undersigned.example>",
      appUrl: "http://localhost:3000",
    });

    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(await listDevMailbox(dir, 10)).toMatchObject([{ to: "jane.doe@example.com", subject: "Hello Jane", text: "Hi Jane", html: "<p>Hi Jane</p>" }]);
  });
});

describe("choosing a transport", () => {
  it("uses SMTP when SMTP_URL is set", async () => {
    const transport = createMailTransport(parseEnv({ SMTP_URL: capture.url, DEV_MAILBOX_DIR: path.join(scratch, "unused") }));
    await transport.send(message(1));
    await transport.close?.();
    expect(capture.messages.map((received) => received.subject)).toEqual(["Message 1"]);
    await expect(readdir(path.join(scratch, "unused"))).rejects.toThrow();
  });

  it("refuses to run in production without SMTP", () => {
    expect(() => createMailTransport({ ...parseEnv({}), mode: "production" })).toThrow(ConfigError);
  });
});

describe("the SMTP transport", () => {
  it("fails, rather than hangs, when the server refuses connections, and works again when it is back", async () => {
    const transport = createSmtpTransport(capture.url);
    capture.refuseConnections(true);
    await expect(transport.send(message(1))).rejects.toThrow();
    capture.refuseConnections(false);
    await transport.send(message(2));
    await transport.close?.();
    expect(capture.messages.map((received) => received.subject)).toEqual(["Message 2"]);
  });

  it("marks every message automatic (RFC 3834), so out-of-office replies and other autoresponders leave it be", async () => {
    const transport = createSmtpTransport(capture.url);
    await transport.send(message(1));
    await transport.close?.();
    const [received] = capture.messages;
    expect(received?.headers.get("auto-submitted")).toBe("auto-generated");
    expect(received?.headers.get("x-auto-response-suppress")).toBe("OOF, AutoReply");
    expect(received?.raw).toMatch(/^Auto-Submitted: auto-generated\r$/m);
  });
});
