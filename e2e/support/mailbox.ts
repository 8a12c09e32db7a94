import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";

export type TCapturedEmail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: string;
  /** Header values as sent, by lower-case name (the last one of a repeated header). */
  headers: Record<string, string>;
};

function mailboxDir(): string {
  const dir = process.env.E2E_MAILBOX_DIR;
  if (!dir) throw new Error("E2E_MAILBOX_DIR is set by playwright.config.ts");
  return dir;
}

export async function capturedEmails(): Promise<TCapturedEmail[]> {
  const files = (await readdir(mailboxDir())).filter((file) => file.endsWith(".json")).sort();
  return Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(mailboxDir(), file), "utf8")) as TCapturedEmail));
}

/** The newest message the SMTP capture received for `address`, waiting for it to arrive. */
export async function waitForEmailTo(address: string, options: { count?: number } = {}): Promise<TCapturedEmail> {
  const wanted = options.count ?? 1;
  let found: TCapturedEmail[] = [];
  await expect
    .poll(
      async () => {
        found = (await capturedEmails()).filter((email) => email.to.some((to) => to.toLowerCase() === address.toLowerCase()));
        return found.length;
      },
      { message: `an email to ${address}`, timeout: 15_000, intervals: [50] },
    )
    .toBeGreaterThanOrEqual(wanted);
  return found.at(-1)!;
}

export function linkIn(email: TCapturedEmail, kind: "confirm" | "withdraw"): string {
  const link = email.text.match(new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_-]+`))?.[0];
  if (!link) throw new Error(`No ${kind} link in: ${email.text}`);
  return new URL(link).pathname;
}

export const confirmLinkIn = (email: TCapturedEmail) => linkIn(email, "confirm");
