import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import type { TCapturedEmail } from "./mailbox";
import { stopServer } from "./stop-server";

/**
 * The real SMTP server the app under test sends to. It runs in Playwright's runner process and
 * files each message as JSON, so specs in any worker process can read their email.
 */
export default async function globalSetup() {
  const dir = process.env.E2E_MAILBOX_DIR;
  const port = Number(process.env.E2E_SMTP_PORT);
  if (!dir || !port) throw new Error("E2E_MAILBOX_DIR and E2E_SMTP_PORT are set by playwright.config.ts");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let received = 0;
  const capture = await startSmtpCapture({
    port,
    onMessage: async (message) => {
      const email: TCapturedEmail = {
        to: message.envelope.to,
        subject: message.subject ?? "",
        text: message.text ?? "",
        html: typeof message.html === "string" ? message.html : "",
        messageId: message.messageId ?? "",
        date: message.date?.toISOString() ?? "",
        headers: Object.fromEntries(message.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).trim()])),
      };
      const file = path.join(dir, `${String(++received).padStart(6, "0")}.json`);
      await writeFile(`${file}.tmp`, JSON.stringify(email));
      // Renamed into place, so a spec polling the folder never reads half a message.
      await rename(`${file}.tmp`, file);
    },
  });
  return async () => {
    // The server goes first: it may still be sending, and it must not outlive its database.
    await stopServer();
    await capture.close();
    await rm(dir, { recursive: true, force: true });
  };
}
