import { readFile } from "node:fs/promises";

/** The file e2e/support/start-server.ts copies the app server's output into (set by playwright.config.ts). */
export function serverLogPath(): string {
  const file = process.env.E2E_SERVER_LOG;
  if (!file) throw new Error("E2E_SERVER_LOG is set by playwright.config.ts");
  return file;
}

// What Node and Next print for a promise rejection or an exception nothing handled: each is a
// request that went wrong without any response saying so.
const UNHANDLED = /unhandledRejection|uncaughtException|Unhandled Rejection|UnhandledPromiseRejection/i;

/** The server's log lines that report an unhandled rejection or exception, since the run began. */
export async function unhandledErrorsInServerLog(): Promise<string[]> {
  const text = await readFile(serverLogPath(), "utf8").catch(() => "");
  return text.split("\n").filter((line) => UNHANDLED.test(line));
}
