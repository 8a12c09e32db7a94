import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { ConfigError, type TEnv } from "@/lib/config/env";
import { createDevMailboxTransport } from "./dev-mailbox";
import { singleLine } from "./single-line";

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

function domainOf(from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1];
  return domain && domain.includes(".") ? domain : "localhost";
}
