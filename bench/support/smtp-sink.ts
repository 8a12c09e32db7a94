import { fork } from "node:child_process";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server that accepts every message and keeps none: the app's outbox delivers over
 * real SMTP during the benchmark. It runs in a process of its own, as a mail server would: in
 * the bench's process, taking a thousand messages a second through SMTP shared one event loop
 * with the load generator, which then sent fewer requests than the app could take.
 */
export async function startSmtpSink(port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const child = fork(import.meta.filename, [String(port)], { execArgv: ["--import", "tsx"] });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function serve(port: number) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // The app keeps pooled connections open; closing must not wait 30 s (the default) for them.
    closeTimeout: 500,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => callback());
    },
  });
  // The app's pooled connections are reset when it is stopped between scenarios: that is the
  // client leaving, not a fault of the sink, and must not end the benchmark.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") console.error("[bench] SMTP sink:", error);
  });
  server.listen(port, "127.0.0.1", () => process.send?.("ready"));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

// Forked by startSmtpSink with the port as its argument.
if (process.argv[1] === import.meta.filename && process.send) serve(Number(process.argv[2]));
