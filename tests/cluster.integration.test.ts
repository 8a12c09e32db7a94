import { randomBytes } from "node:crypto";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TDb } from "@/lib/db/prisma";
import { chromiumLaunchOptions } from "@/e2e/support/chromium";
import { CLUSTER_TEST_PORT, clientAddresses, clusterEnv, createClusterDatabase, startTestCluster, submitSignature, type TTestCluster } from "./support/cluster";
import { createLetter } from "./support/factories";
import { startSmtpCapture, type TSmtpCapture } from "./support/smtp-capture";
import type { TThrowawayDatabase } from "./support/throwaway-database";

/**
 * Two real instances (`npm run start:cluster -- --instances 2`: production build and server)
 * on one throwaway database, sending to a real SMTP capture. Whatever must hold across
 * instances is shown through their HTTP surfaces: one signature per address, a confirmation on
 * one counted on the other, a rate limit used up on one holding on the other, and every email
 * sent exactly once although both instances run the outbox. (How exactly each limit holds under
 * load: cluster-rate-limits.integration.test.ts.)
 */

const PER_IP_PER_MINUTE = 5;

let database: TThrowawayDatabase;
let db: TDb;
let smtp: TSmtpCapture;
let cluster: TTestCluster | undefined;
let A: string;
let B: string;
let slug: string;

const address = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;
const sign = (instance: string, email: string, clientIp: string) => submitSignature(instance, slug, email, clientIp);
const clientIp = clientAddresses();

/** The total an instance's count endpoint gives: what every open page and embed follows. */
async function verifiedTotal(instance: string): Promise<number> {
  const response = await fetch(`${instance}/api/v1/letters/${slug}/count`);
  if (!response.ok) throw new Error(`The count endpoint answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

beforeAll(async () => {
  ({ database, db } = await createClusterDatabase(inject("serverUrl")));
  slug = (await createLetter(db, { domains: ["example.com"] })).slug;
  smtp = await startSmtpCapture();
  // Rate limits on their PostgreSQL store: the database is the one thing the instances share.
  const env = clusterEnv({
    port: CLUSTER_TEST_PORT,
    databaseUrl: database.url,
    overrides: { SMTP_URL: smtp.url, RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: String(PER_IP_PER_MINUTE) },
  });
  cluster = await startTestCluster(CLUSTER_TEST_PORT, env);
  [A, B] = cluster.instances;
}, 300_000);

afterAll(async () => {
  await cluster?.stop();
  await smtp?.close();
  await db?.$disconnect();
  await database?.drop();
});

describe("two instances on one database", () => {
  it("keeps one signature for one address submitted 20 times at once through both", async () => {
    const email = address("twice");
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => sign(i % 2 ? B : A, email, clientIp())));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(202));
    expect(await db.signature.count({ where: { letter: { slug } } })).toBe(1);
  });

  it("counts a confirmation made on one instance in the other's count within 2 seconds", async () => {
    const email = address("confirm");
    expect((await sign(A, email, clientIp())).status).toBe(202);
    const message = await smtp.waitForMessage((mail) => mail.envelope.to.includes(email), 15_000);
    const confirmPath = message.text?.match(/\/confirm\/[A-Za-z0-9_-]+/)?.[0];
    expect(confirmPath).toMatch(/^\/confirm\/[A-Za-z0-9_-]{43}$/);
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
    await cluster!.waitFor("instance B to count the confirmation", 10_000, async () => ((await verifiedTotal(B)) === before + 1 ? true : undefined));
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
    const responses = await Promise.all(emails.map((email, i) => sign(i % 2 ? B : A, email, clientIp())));
    expect(responses.every((response) => response.status === 202)).toBe(true);

    const started = performance.now();
    await cluster!.waitFor("every outbox email to be sent", 60_000, async () =>
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
    expect(await cluster!.stop()).toBe(0);
    for (const url of [A, B]) await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });
});
