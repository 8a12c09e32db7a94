import { afterAll, beforeAll, beforeEach } from "vitest";
import { createSmtpTransport, type TMailTransport } from "@/lib/mail/transports";
import { startSmtpCapture, type TSmtpCapture } from "./smtp-capture";

/**
 * A real SMTP capture server (and a transport to it) for the tests of one file: started once,
 * emptied and accepting again before each test, closed after the file. Call at the top level.
 */
export function smtpCaptureForFile(): { capture: TSmtpCapture; transport: TMailTransport } {
  const smtp = {} as { capture: TSmtpCapture; transport: TMailTransport };
  beforeAll(async () => {
    smtp.capture = await startSmtpCapture();
    smtp.transport = createSmtpTransport(smtp.capture.url);
  });
  afterAll(async () => {
    await smtp.transport?.close?.();
    await smtp.capture?.close();
  });
  beforeEach(() => {
    smtp.capture.messages.length = 0;
    smtp.capture.refuseConnections(false);
  });
  return smtp;
}
