import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server that accepts every message and keeps none: the app's outbox delivers over
 * real SMTP during the benchmark, while the load generator's process spends no time parsing mail.
 */
export async function startSmtpSink(port: number): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // The app keeps pooled connections open; closing must not wait 30 s (the default) for them.
    closeTimeout: 500,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  // The app's pooled connections are reset when it is stopped between scenarios: that is the
  // client leaving, not a fault of the sink, and must not end the benchmark.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") console.error("[bench] SMTP sink:", error);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
