import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { singleLine } from "./single-line";
import type { TMailTransport } from "./transports";

/*
 * The dev mailbox: where mail goes on a trial run without SMTP_URL (never in production), a
 * folder of JSON files that the app shows at /dev/mailbox. The transport writes it; the
 * readers below are what that page lists and opens.
 */

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
