import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDemoLetter } from "@/lib/letters/seed-demo-letter";
import { productionServerArgs } from "@/scripts/launch";
import { createThrowawayDatabase, type TThrowawayDatabase } from "@/tests/support/throwaway-database";

/**
 * A second production server on the suite's build, with settings of its own and a database of
 * its own (a fresh install: migrated, demo letter seeded): its outbox must neither send the
 * suite's emails with its own links nor leave its emails to the suite's server.
 */
export type TSideServer = { baseUrl: string; databaseUrl: string; mailboxDir: string; output: () => string; stop: () => Promise<void> };

export async function startSideServer(port: number, settings: Record<string, string>): Promise<TSideServer> {
  const database: TThrowawayDatabase = await createThrowawayDatabase("undersigned_e2e_side");
  await applyMigrations(database.url, path.resolve("prisma/migrations"));
  const db = createPrismaClient(database.url, { poolSize: 1 });
  await seedDemoLetter(db);
  await db.$disconnect();
  const mailboxDir = await mkdtemp(path.join(os.tmpdir(), "undersigned-e2e-side-mail-"));
  let output = "";
  const server: ChildProcess = spawn(process.execPath, productionServerArgs(port), {
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      DEV_MAILBOX_DIR: mailboxDir,
      AUTH_SECRET: "side-secret-side-secret-side-secret-side-secret",
      EMAIL_HMAC_KEY: "side-email-key-side-email-key-side-email-key",
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => server.on("exit", () => resolve()));
  const baseUrl = `http://localhost:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${baseUrl}/api/ping`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000, message: `side server on ${port}` },
    )
    .toBe(200);
  return {
    baseUrl,
    databaseUrl: database.url,
    mailboxDir,
    output: () => output,
    async stop() {
      server.kill("SIGTERM");
      await exited;
      await database.drop();
      await rm(mailboxDir, { recursive: true, force: true });
    },
  };
}

/** The dev mailbox's newest message to `address` (what a local run without SMTP_URL delivers). */
export async function waitForDevMailboxMessage(dir: string, address: string): Promise<{ subject: string; text: string }> {
  let found: { to: string; subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(".json")).sort();
        const messages = await Promise.all(
          names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as { to: string; subject: string; text: string }),
        );
        found = messages.filter((message) => message.to.toLowerCase() === address.toLowerCase()).at(-1);
        return found !== undefined;
      },
      { message: `a dev mailbox message to ${address}`, timeout: 15_000, intervals: [100] },
    )
    .toBe(true);
  return found!;
}
