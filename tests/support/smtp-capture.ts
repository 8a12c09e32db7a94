import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

/**
 * A message as the capture received it: parsed by mailparser (so `text` and `html` are decoded
 * from the quoted-printable of the wire), plus the SMTP envelope (who it was really delivered
 * to, whatever the headers say) and the raw source, for assertions about headers as sent.
 */
export type TCapturedMail = ParsedMail & { envelope: { from: string; to: string[] }; raw: string; /** Date.now() when it was taken in. */ receivedAt: number };

export type TSmtpCapture = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL or createSmtpTransport. */
  url: string;
  port: number;
  /** Every message accepted so far, in order of arrival. */
  messages: TCapturedMail[];
  /** The first message (already received or yet to come) that matches, or a rejection after `timeoutMs`. */
  waitForMessage(predicate: (message: TCapturedMail) => boolean, timeoutMs?: number): Promise<TCapturedMail>;
  /** While on, every connection is answered "421 unavailable" and closed, as by a server that is down. */
  refuseConnections(on: boolean): void;
  close(): Promise<void>;
};

/**
 * A real SMTP server in the test process, on a free loopback port (or `port`): the outbox is tested
 * against the same protocol (and nodemailer's real behaviour) that production uses.
 *
 * A message is listed in `messages` before the server acknowledges it, so once a send has
 * resolved, its message is already there.
 */
export async function startSmtpCapture(
  options: {
    port?: number;
    onMessage?: (message: TCapturedMail) => Promise<void>;
    /** Recipients answered "550 no such mailbox", as a real server does for an unknown user. */
    unknownRecipients?: (address: string) => boolean;
  } = {},
): Promise<TSmtpCapture> {
  const messages: TCapturedMail[] = [];
  const waiters = new Set<{ predicate: (message: TCapturedMail) => boolean; resolve: (message: TCapturedMail) => void }>();
  let refusing = false;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1_000,
    onConnect(_session, callback) {
      // Refused at the greeting rather than by closing the port, so that the port stays ours
      // and the client fails at once (a 421 greeting) instead of waiting for a timeout.
      if (refusing) return callback(Object.assign(new Error("Service unavailable (test capture refusing)"), { responseCode: 421 }) satisfies SMTPServerError);
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (options.unknownRecipients?.(address.address)) {
        return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }) satisfies SMTPServerError);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const { mailFrom, rcptTo } = session.envelope;
            const message: TCapturedMail = Object.assign(parsed, {
              envelope: { from: mailFrom ? mailFrom.address : "", to: rcptTo.map((recipient) => recipient.address) },
              raw: raw.toString("utf8"),
              receivedAt: Date.now(),
            });
            messages.push(message);
            for (const waiter of waiters) {
              if (waiter.predicate(message)) {
                waiters.delete(waiter);
                waiter.resolve(message);
              }
            }
            return (options.onMessage?.(message) ?? Promise.resolve()).then(() => callback());
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  // A client that dies mid-conversation (the chaos run SIGKILLs the app with pooled connections
  // open) resets its socket: that is the client leaving, not a fault of the capture.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") console.error("[smtp-capture]", error);
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitForMessage(predicate, timeoutMs = 5_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (message: TCapturedMail) => {
            clearTimeout(timer);
            resolve(message);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching email arrived within ${timeoutMs} ms (${messages.length} received).`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    refuseConnections(on) {
      refusing = on;
      // Connections opened before are cut too: a server that is down does not finish sessions.
      if (on) for (const connection of server.connections) connection.close();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
