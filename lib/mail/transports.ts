import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { z } from "zod";
import { ConfigError, type TEnv } from "@/lib/config/env";

export type TOutgoingMessage = { from: string; to: string; subject: string; text: string; html: string };

/** Where the outbox hands messages. `send` resolves once the message is accepted, and throws otherwise. */
export type TMailTransport = {
  send(message: TOutgoingMessage): Promise<void>;
  close?(): Promise<void>;
};

/**
 * The configured transport: SMTP when SMTP_URL is set, otherwise the dev mailbox, a folder the
 * app shows on a page of its own, so a trial run needs no mail server. Never the dev mailbox in
 * production: a signer there would see "check your inbox" and receive nothing.
 */
export function createMailTransport(env: TEnv): TMailTransport {
  if (env.SMTP_URL) return createSmtpTransport(env.SMTP_URL);
  if (env.mode === "production") {
    throw new ConfigError("SMTP_URL is required in production: without it, no signer could confirm a signature.");
  }
  return createDevMailboxTransport(env.DEV_MAILBOX_DIR);
}

// A dead or black-holed server must fail an attempt in seconds, not minutes: the outbox retries
// later, and a hung send would hold its whole batch (and the batch's lease) hostage.
const SMTP_TIMEOUT_MS = 10_000;

export function createSmtpTransport(smtpUrl: string): TMailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // A few connections kept open and reused: a new TCP and SMTP handshake per message was most
    // of the cost of a verification email under a signing spike. As many as the outbox sends at
    // once (deliver-due-emails.ts), and renewed now and then so no server-side limit bites.
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    dnsTimeout: SMTP_TIMEOUT_MS,
    // Our messages are plain strings; nothing in them may make nodemailer read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(message) {
      const info = await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: singleLine(message.subject),
        text: message.text,
        html: message.html,
        // Explicit rather than left to nodemailer, so it always carries our own domain: some
        // receivers score a Message-ID from a foreign or missing domain as spam.
        messageId: `<${randomUUID()}@${domainOf(message.from)}>`,
        date: new Date(),
        headers: AUTOMATIC_MESSAGE_HEADERS,
      });
      if (info.rejected.length > 0 || info.accepted.length === 0) {
        throw new Error(`SMTP server did not accept the recipient: ${info.response}`);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Every message we send is automatic (RFC 3834): out-of-office replies and other autoresponders
 * must not answer it: their replies would go to a no-reply address, and each one is one more
 * message about the signer in the employer's mail logs. Exchange, where most work mailboxes
 * live, also reads a header of its own for the same thing.
 */
export const AUTOMATIC_MESSAGE_HEADERS = { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "OOF, AutoReply" } as const;

/** Header values on one line, whatever a template produced: a line break would start a new header. */
export function singleLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, " ").trim();
}

function domainOf(from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1];
  return domain && domain.includes(".") ? domain : "localhost";
}

// ─── Dev mailbox ──────────────────────────────────────────────────────────────

const ZDevMailboxMessage = z.object({
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  sentAt: z.string(),
});
export type TDevMailboxMessage = z.infer<typeof ZDevMailboxMessage> & { id: string };

// The only shape a dev mailbox message id can have: ids come from a URL, and anything else (a
// `..`, a slash) must not reach the file system.
const MESSAGE_ID = /^\d{13}-[0-9a-f]{12}$/;
const MESSAGE_FILE = /^(\d{13}-[0-9a-f]{12})\.json$/;

/**
 * Writes each message as a JSON file in `dir`, named so that names sort by time, and says so in
 * the log (by subject and id: addresses never go into logs).
 */
export function createDevMailboxTransport(dir: string, log: (line: string) => void = console.info): TMailTransport {
  return {
    async send(message) {
      await mkdir(dir, { recursive: true });
      const id = `${String(Date.now()).padStart(13, "0")}-${randomBytes(6).toString("hex")}`;
      const stored = { ...message, subject: singleLine(message.subject), sentAt: new Date().toISOString() };
      // Written aside and renamed into place, so the mailbox page never reads half a message.
      const file = path.join(dir, `${id}.json`);
      await writeFile(`${file}.tmp`, JSON.stringify(stored, null, 2), { mode: 0o600 });
      await rename(`${file}.tmp`, file);
      log(`[undersigned] Dev mailbox: "${stored.subject}" delivered; read it at /dev/mailbox/${id}`);
    },
  };
}

/** The newest `limit` messages of the dev mailbox, newest first; none when it does not exist yet. */
export async function listDevMailbox(dir: string, limit = 50): Promise<TDevMailboxMessage[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ids = names
    .map((name) => MESSAGE_FILE.exec(name)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort()
    .reverse()
    .slice(0, Math.max(0, limit));
  const messages = await Promise.all(ids.map((id) => readDevMailboxMessage(dir, id)));
  return messages.filter((message): message is TDevMailboxMessage => message !== null);
}

/** One dev mailbox message, or null when there is none by that id (or the id is not one at all). */
export async function readDevMailboxMessage(dir: string, id: string): Promise<TDevMailboxMessage | null> {
  if (!MESSAGE_ID.test(id)) return null;
  let content: string;
  try {
    content = await readFile(path.join(dir, `${id}.json`), "utf8");
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const parsed = ZDevMailboxMessage.safeParse(safeJsonParse(content));
  return parsed.success ? { ...parsed.data, id } : null;
}

function safeJsonParse(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
