import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { chromiumLaunchOptions } from "@/e2e/support/chromium";
import { createLetter } from "./support/factories";
import { startSmtpCapture, type TSmtpCapture } from "./support/smtp-capture";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./support/throwaway-database";

/**
 * Two real instances (`npm run start:cluster -- --instances 2`: production build and server)
 * on one throwaway database, sending to a real SMTP capture. Whatever must hold across
 * instances is shown through their HTTP surfaces: one signature per address, a confirmation on
 * one counted on the other, a rate limit used up on one holding on the other, and every email
 * sent exactly once although both instances run the outbox.
 */

// The proxy listens on PORT; the instances take the next two ports.
const PORT = Number(process.env.CLUSTER_TEST_PORT ?? 3600);
const A = `http://localhost:${PORT + 1}`;
const B = `http://localhost:${PORT + 2}`;
const PER_IP_PER_MINUTE = 5;

let database: ThrowawayDatabase;
let db: Db;
let smtp: TSmtpCapture;
let cluster: ChildProcess | undefined;
let clusterExit: Promise<number | null>;
const clusterOutput: string[] = [];
let slug: string;

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (cluster && cluster.exitCode !== null) throw new Error(`start:cluster exited with code ${cluster.exitCode}.\n${clusterOutput.slice(-30).join("")}`);
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${clusterOutput.slice(-30).join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A leftover server on our ports would answer the readiness checks in the cluster's place. */
async function assertPortFree(port: number): Promise<void> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", () => reject(new Error(`Port ${port} is taken; the cluster test needs ${PORT}-${PORT + 2} (CLUSTER_TEST_PORT moves them).`)));
    probe.listen(port, resolve);
  });
  await new Promise((resolve) => probe.close(resolve));
}

const address = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;

/** One client, as the per-IP limit sees it: the last X-Forwarded-For entry. */
function sign(instance: string, email: string, clientIp: string): Promise<Response> {
  return fetch(`${instance}/api/v1/letters/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": clientIp },
    body: JSON.stringify({ name: "Cluster Signer", email, anonymous: true }),
  });
}

const clientIp = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
let nextClient = 1;

/** The total an instance's count endpoint gives: what every open page and embed follows. */
async function verifiedTotal(instance: string): Promise<number> {
  const response = await fetch(`${instance}/api/v1/letters/${slug}/count`);
  if (!response.ok) throw new Error(`The count endpoint answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

beforeAll(async () => {
  for (const port of [PORT, PORT + 1, PORT + 2]) await assertPortFree(port);
  database = await createThrowawayDatabase("undersigned_cluster", inject("serverUrl"));
  await applyMigrations(database.url, path.resolve("prisma/migrations"));
  db = createPrismaClient(database.url, { poolSize: 2 });
  slug = (await createLetter(db, { domains: ["example.com"] })).slug;
  smtp = await startSmtpCapture();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    APP_URL: `http://localhost:${PORT}`,
    AUTH_SECRET: "cluster-secret-cluster-secret-cluster-secret",
    EMAIL_HMAC_KEY: "cluster-email-key-cluster-email-key-cluster",
    SMTP_URL: smtp.url,
    EMAIL_FROM: "Undersigned <letters@undersigned.test>",
    BACKGROUND_JOBS: "in-process",
    RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: String(PER_IP_PER_MINUTE),
  };
  // Rate limits on their PostgreSQL store: the database is the one thing the instances share.
  delete env.REDIS_URL;
  cluster = spawn(process.execPath, ["--import", "tsx", "scripts/serve-cluster.ts", "--instances", "2"], { env, stdio: ["ignore", "pipe", "pipe"] });
  cluster.stdout!.on("data", (chunk: Buffer) => clusterOutput.push(chunk.toString()));
  cluster.stderr!.on("data", (chunk: Buffer) => clusterOutput.push(chunk.toString()));
  clusterExit = new Promise((resolve) => cluster!.once("exit", (code) => resolve(code)));

  // Generous: on a clean clone the launcher builds the app first.
  for (const url of [A, B, `http://localhost:${PORT}`]) {
    await waitFor(`${url} to serve`, 240_000, async () => ((await fetch(`${url}/api/health`)).ok ? true : undefined));
  }
}, 300_000);

afterAll(async () => {
  if (cluster && cluster.exitCode === null && cluster.signalCode === null) {
    cluster.kill("SIGTERM");
    await clusterExit;
  }
  await smtp?.close();
  await db?.$disconnect();
  await database?.drop();
});

describe("two instances on one database", () => {
  it("keeps one signature for one address submitted 20 times at once through both", async () => {
    const email = address("twice");
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => sign(i % 2 ? B : A, email, clientIp(nextClient++))));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(202));
    expect(await db.signature.count({ where: { letter: { slug } } })).toBe(1);
  });

  it("counts a confirmation made on one instance in the other's count within 2 seconds", async () => {
    const email = address("confirm");
    expect((await sign(A, email, clientIp(nextClient++))).status).toBe(202);
    const message = await smtp.waitForMessage((mail) => mail.envelope.to.includes(email), 15_000);
    const confirmPath = message.text?.match(/\/confirm\/[A-Za-z0-9_-]+/)?.[0];
    expect(confirmPath).toBeDefined();
    const before = await verifiedTotal(B);

    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      await page.goto(`${A}${confirmPath}`);
      await page.getByRole("button", { name: "Confirm my signature" }).click();
      await page.getByRole("heading", { name: "Your signature is confirmed" }).waitFor();
    } finally {
      await browser.close();
    }
    // From the moment instance A answered that the signature is confirmed.
    const confirmedAt = performance.now();
    await waitFor("instance B to count the confirmation", 10_000, async () => ((await verifiedTotal(B)) === before + 1 ? true : undefined));
    const delayMs = Math.round(performance.now() - confirmedAt);
    console.log(`[cluster test] confirmation on A counted in B's count after ${delayMs} ms`);
    expect(delayMs).toBeLessThan(2_000);
  });

  it("holds a per-client rate limit used up on one instance on the other", async () => {
    const client = "203.0.113.7";
    for (let i = 0; i < PER_IP_PER_MINUTE; i++) expect((await sign(A, address("limited"), client)).status).toBe(202);
    const refused = await sign(B, address("limited"), client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
    // Writing a different address in front does not make a new client: only the entry the
    // trusted proxy appended (the last) counts.
    expect((await sign(B, address("limited"), `198.51.100.99, ${client}`)).status).toBe(429);
    // Per client, not for everyone: another client still signs through B.
    expect((await sign(B, address("other"), "203.0.113.8")).status).toBe(202);
  });

  it("sends each outbox email exactly once although both instances deliver", async () => {
    const emails = Array.from({ length: 40 }, (_, i) => address(`many${i}`));
    const responses = await Promise.all(emails.map((email, i) => sign(i % 2 ? B : A, email, clientIp(nextClient++))));
    expect(responses.every((response) => response.status === 202)).toBe(true);

    const started = performance.now();
    await waitFor("every outbox email to be sent", 60_000, async () =>
      (await db.outboxEmail.count({ where: { sentAt: null } })) === 0 ? true : undefined,
    );
    console.log(`[cluster test] 40 emails sent by two instances within ${Math.round(performance.now() - started)} ms`);
    const received = new Map<string, number>();
    for (const message of smtp.messages) for (const to of message.envelope.to) received.set(to, (received.get(to) ?? 0) + 1);
    expect(emails.filter((email) => received.get(email) !== 1)).toEqual([]);
    expect([...received.values()].every((times) => times === 1)).toBe(true);
    expect(await db.outboxEmail.count()).toBe(smtp.messages.length);
  });

  it("stops both instances on SIGTERM and exits 0", async () => {
    cluster!.kill("SIGTERM");
    expect(await clusterExit).toBe(0);
    for (const url of [A, B]) await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });
});
