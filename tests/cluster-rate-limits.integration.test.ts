import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TDb } from "@/lib/db/prisma";
import {
  CLUSTER_TEST_PORT,
  clientAddresses,
  clusterEnv,
  createClusterDatabase,
  postSignatureBody,
  startTestCluster,
  submitSignature,
  type TTestCluster,
} from "./support/cluster";
import { createLetter } from "./support/factories";
import type { TThrowawayDatabase } from "./support/throwaway-database";

/*
 * The attack: one script floods a letter with junk signatures, or someone's inbox with
 * verification emails. The defence is the rate limits, and they only hold if every instance
 * behind the load balancer counts in the same place. So each limit is measured here under
 * concurrent load through two real instances (production build and server) on each store the
 * app offers: PostgreSQL, and Redis (REDIS_URL).
 *
 * The criterion is "within 5%". Both stores decide each request in one atomic step (an
 * upsert of the key's row; one Redis transaction), so a burst inside one window must be admitted
 * exactly `limit` times: more is a leak, fewer a limit that refuses people it promised to let in.
 * A window starts at the first request of the burst; a burst that outlasts the window (a slow
 * machine) spans at most floor(elapsed / window) + 1 windows, and the bound grows with them.
 */

const LIMITS = {
  perIpPerMinute: 100,
  emailsPerAddressPerHour: 10,
  perLetterPerSecond: 50,
};

const STORES: { store: string; env: Record<string, string> }[] = [
  { store: "PostgreSQL", env: {} },
  { store: "Redis", env: { REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" } },
];

let database: TThrowawayDatabase;
let db: TDb;

beforeAll(async () => {
  ({ database, db } = await createClusterDatabase(inject("serverUrl")));
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

type TBurst = { admitted: number; refusals: Response[]; others: number[]; windows: number; elapsedMs: number };

/**
 * Fires `count` submissions at once and sorts the answers: `admittedStatus` passed every limit,
 * 429 was refused by one, anything else is wrong.
 */
async function burst(count: number, windowMs: number, submit: (index: number) => Promise<Response>, admittedStatus = 202): Promise<TBurst> {
  const started = performance.now();
  const responses = await Promise.all(Array.from({ length: count }, (_, index) => submit(index)));
  const elapsedMs = Math.round(performance.now() - started);
  return {
    admitted: responses.filter((response) => response.status === admittedStatus).length,
    refusals: responses.filter((response) => response.status === 429),
    others: responses.map((response) => response.status).filter((status) => status !== admittedStatus && status !== 429),
    windows: Math.floor(elapsedMs / windowMs) + 1,
    elapsedMs,
  };
}

/**
 * limit ≤ admitted ≤ limit × windows: exactly the limit when the burst fitted one window. Fewer
 * than the limit can only mean refusals of requests the limit allows, since any refusal means a
 * window was full.
 */
function expectLimitHeld(admitted: number, limit: number, windows: number): void {
  expect(admitted).toBeGreaterThanOrEqual(limit);
  expect(admitted).toBeLessThanOrEqual(limit * windows);
}

/** Every refusal says when to come back, within the limit's window. */
function expectRetryAfter(refusals: Response[], windowSeconds: number): void {
  const values = refusals.map((response) => Number(response.headers.get("retry-after")));
  expect(values.filter((seconds) => !Number.isInteger(seconds) || seconds < 1 || seconds > windowSeconds)).toEqual([]);
}

const address = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;

describe.each(STORES)("signing rate limits on the $store store, across two instances under load", ({ store, env }) => {
  let cluster: TTestCluster | undefined;
  let instance: (index: number) => string;
  const clientIp = clientAddresses();
  const report = (limit: string, measured: TBurst, fired: number, allowed: number) =>
    console.log(
      `[rate limits] ${store}, ${limit}: ${measured.admitted} of ${fired} admitted (limit ${allowed}, ` +
        `${measured.windows} window(s), ${measured.elapsedMs} ms)`,
    );

  beforeAll(async () => {
    const overrides: Record<string, string> = {
      ...env,
      // The client-address keys are HMACs under this key: a fresh one keeps this run's counters
      // apart from any other run's in a shared Redis.
      EMAIL_HMAC_KEY: `cluster-limits-${randomBytes(16).toString("hex")}`,
      // Queued emails stay in the outbox, addressed, so the test can count them.
      BACKGROUND_JOBS: "off",
      SMTP_URL: "smtp://127.0.0.1:1",
      RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: String(LIMITS.perIpPerMinute),
      RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: String(LIMITS.emailsPerAddressPerHour),
      RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: String(LIMITS.perLetterPerSecond),
    };
    cluster = await startTestCluster(CLUSTER_TEST_PORT, clusterEnv({ port: CLUSTER_TEST_PORT, databaseUrl: database.url, overrides }));
    instance = (index) => cluster!.instances[index % 2]!;
  }, 300_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it("admits exactly the per-client limit from one client spread over both instances", async () => {
    const fired = 3 * LIMITS.perIpPerMinute;
    // Spread over letters so that no letter can receive more than its own per-second limit:
    // only the per-client limit may refuse here.
    const letters = await Promise.all(
      Array.from({ length: Math.ceil(fired / LIMITS.perLetterPerSecond) }, () => createLetter(db, { domains: ["example.com"] })),
    );
    const client = clientIp();

    const measured = await burst(fired, 60_000, (i) => submitSignature(instance(i), letters[i % letters.length]!.slug, address("ip"), client));

    report("per client IP per minute", measured, fired, LIMITS.perIpPerMinute);
    expect(measured.others).toEqual([]);
    expectLimitHeld(measured.admitted, LIMITS.perIpPerMinute, measured.windows);
    expectRetryAfter(measured.refusals, 60);
    // A 202 is a stored signature, not just an answer.
    expect(await db.signature.count({ where: { letterId: { in: letters.map((letter) => letter.id) } } })).toBe(measured.admitted);
  });

  it("emails one address exactly the per-address limit when it is submitted from many clients at once", async () => {
    const fired = 3 * LIMITS.emailsPerAddressPerHour;
    const letter = await createLetter(db, { domains: ["example.com"] });
    const email = address("address");

    const measured = await burst(fired, 60 * 60_000, (i) => submitSignature(instance(i), letter.slug, email, clientIp()));

    // Over this limit the signer gets the same answer and no email, so the answers are all 202
    // and what is measured is the emails queued.
    expect(measured.admitted).toBe(fired);
    const emailed = await db.outboxEmail.count({ where: { to: email } });
    console.log(
      `[rate limits] ${store}, emails per address per hour: ${emailed} of ${fired} emailed (limit ${LIMITS.emailsPerAddressPerHour}, ${measured.elapsedMs} ms)`,
    );
    expectLimitHeld(emailed, LIMITS.emailsPerAddressPerHour, measured.windows);
    expect(await db.signature.count({ where: { letterId: letter.id } })).toBe(1);
  });

  it("admits exactly the per-letter limit from a burst of many clients within one second", async () => {
    const fired = 3 * LIMITS.perLetterPerSecond;
    const letter = await createLetter(db, { domains: ["example.com"] });

    // The window is one second, shorter than two instances on a busy machine take to store 150
    // signatures. So these submissions have no name: past both limits each is refused as invalid
    // (422) at once, admitted requests cost hardly more than refused ones, and the limit checks
    // of the whole burst fit in one window. What is measured is the limit, not the signing.
    const measured = await burst(fired, 1_000, (i) => postSignatureBody(instance(i), letter.slug, {}, clientIp()), 422);

    report("per letter per second", measured, fired, LIMITS.perLetterPerSecond);
    expect(measured.others).toEqual([]);
    expectLimitHeld(measured.admitted, LIMITS.perLetterPerSecond, measured.windows);
    expectRetryAfter(measured.refusals, 1);
  });
});
