import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { createSigningRateLimits, type TSigningRateLimits, type TSigningDecision, type TSigningRateLimitsEnv } from "./rate-limits";

/*
 * consumeSigning decides a submission's three limits (client, letter, address's emails) in one
 * round trip. It must mean exactly what the three separate checks meant: shared across
 * instances, exact under concurrency, and in order (a refused client uses up nothing of the
 * letter's budget; a refused submission nothing of its address's emails). Run on both stores.
 * The clock is frozen (only `Date`), so no window rolls over mid-test.
 */

const ENV: TSigningRateLimitsEnv = {
  RATE_LIMITS_ENABLED: true,
  RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 5,
  RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: 2,
  RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: 12,
  RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: 2,
};

const pools: pg.Pool[] = [];
const redisClients: Redis[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  for (const redis of redisClients) redis.disconnect();
});

const START = new Date("2026-03-01T12:00:00.000Z");
beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: START }));
afterEach(() => vi.useRealTimers());

const allowed = (decisions: TSigningDecision[]) => decisions.filter((decision) => decision.allowed).length;

const stores: [string, () => Promise<TSigningRateLimits>][] = [
  [
    "PostgreSQL",
    async () => {
      const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 5 });
      pools.push(pool);
      return createSigningRateLimits({ pool, env: ENV });
    },
  ],
  [
    "Redis",
    async () => {
      const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: true,
      });
      redisClients.push(redis);
      await redis.connect();
      return createSigningRateLimits({ redis, env: ENV });
    },
  ],
];

describe.each(stores)("consumeSigning on %s", (_store, open) => {
  it("allows a client exactly its limit across two instances under concurrency, and says when to come back", async () => {
    const [a, b] = [await open(), await open()];
    const clientKey = randomUUID();
    const letterSlug = `letter-${randomUUID()}`;
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).consumeSigning({ clientKey, letterSlug })));
    expect(allowed(decisions)).toBe(ENV.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE);
    expect(decisions).toContainEqual({ allowed: false, retryAfterSeconds: 60 });
    // The refused client used up nothing of the letter's budget: other clients get all the rest.
    const others = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).consumeSigning({ clientKey: randomUUID(), letterSlug })));
    expect(allowed(others)).toBe(ENV.RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND - ENV.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE);
  });

  it("gives a client configured with its own limit that limit instead", async () => {
    const limits = await open();
    const clientKey = randomUUID();
    const decisions = [];
    for (let i = 0; i < 9; i++) decisions.push(await limits.consumeSigning({ clientKey, clientPerMinute: 8, letterSlug: `letter-${randomUUID()}` }));
    expect(allowed(decisions)).toBe(8);
  });

  it("emails an address only within its limit, and counts no email for a refused submission", async () => {
    const limits = await open();
    const letterSlug = `letter-${randomUUID()}`;
    const address = { letterId: randomUUID(), emailKey: "k".repeat(64) };
    const first = await limits.consumeSigning({ clientKey: randomUUID(), letterSlug, address });
    const second = await limits.consumeSigning({ clientKey: randomUUID(), letterSlug, address });
    const third = await limits.consumeSigning({ clientKey: randomUUID(), letterSlug, address });
    expect([first, second, third]).toEqual([
      { allowed: true, mayEmail: true },
      { allowed: true, mayEmail: true },
      { allowed: true, mayEmail: false },
    ]);

    // A client over its limit: refused, and the next address's email is not used up by it.
    const flooder = randomUUID();
    for (let i = 0; i < ENV.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE; i++) await limits.consumeSigning({ clientKey: flooder, letterSlug: `letter-${randomUUID()}` });
    const other = { letterId: randomUUID(), emailKey: "m".repeat(64) };
    expect(await limits.consumeSigning({ clientKey: flooder, letterSlug, address: other })).toMatchObject({ allowed: false });
    expect(await limits.consumeSigning({ clientKey: randomUUID(), letterSlug: `letter-${randomUUID()}`, address: other })).toEqual({
      allowed: true,
      mayEmail: true,
    });
    expect(await limits.consumeSigning({ clientKey: randomUUID(), letterSlug: `letter-${randomUUID()}`, address: other })).toEqual({
      allowed: true,
      mayEmail: true,
    });
  });
});

// On PostgreSQL, simultaneous checks are decided by one statement (group commit). Each must get
// exactly what it would have got one at a time, in the order they arrived.
it("decides simultaneous submissions on PostgreSQL together, each exactly as if they had come one at a time", async () => {
  const limits = await stores[0]![1]();
  const run = async (together: boolean) => {
    const id = randomUUID();
    // Three clients (one with its own limit), two letters, addresses repeated: every limit refuses something.
    const checks = Array.from({ length: 40 }, (_, i) => ({
      clientKey: `${id}-client-${i % 3}`,
      clientPerMinute: i % 3 === 2 ? 20 : undefined,
      letterSlug: `${id}-letter-${i % 2}`,
      address: i % 4 === 0 ? undefined : { letterId: id, emailKey: `address-${i % 5}` },
    }));
    if (together) return Promise.all(checks.map((check) => limits.consumeSigning(check)));
    const decisions: TSigningDecision[] = [];
    for (const check of checks) decisions.push(await limits.consumeSigning(check));
    return decisions;
  };
  const alone = await run(false);
  const together = await run(true);
  expect(together).toEqual(alone);
  // The case is not trivial: clients, the letter and addresses were each refused or silenced.
  expect(alone.filter((decision) => !decision.allowed).length).toBeGreaterThan(5);
  expect(alone.filter((decision) => decision.allowed && !decision.mayEmail).length).toBeGreaterThan(5);
});

// Instances' clocks differ by a little: one whose clock is behind must not see more of a window
// than the window itself (it once answered "Retry-After: 2" on the one-second letter limit).
it("never tells a refused client on PostgreSQL to wait longer than the window, when another instance opened it by a clock ahead", async () => {
  const [ahead, behind] = [await stores[0]![1](), await stores[0]![1]()];
  const letterSlug = `letter-${randomUUID()}`;
  vi.setSystemTime(START.getTime() + 600);
  for (let i = 0; i < ENV.RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND; i++) await ahead.consumeSigning({ clientKey: randomUUID(), letterSlug });
  vi.setSystemTime(START);
  expect(await behind.consumeSigning({ clientKey: randomUUID(), letterSlug })).toEqual({ allowed: false, retryAfterSeconds: 1 });
});

// Redis counts its windows in its own (real) time; PostgreSQL's follow the app's clock, frozen here.
it("opens a new window on PostgreSQL once the old one has passed", async () => {
  const limits = await stores[0]![1]();
  const clientKey = randomUUID();
  for (let i = 0; i < ENV.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE; i++) await limits.consumeSigning({ clientKey, letterSlug: `letter-${randomUUID()}` });
  expect(await limits.consumeSigning({ clientKey, letterSlug: "x" })).toEqual({ allowed: false, retryAfterSeconds: 60 });
  vi.setSystemTime(new Date(START.getTime() + 45_000));
  expect(await limits.consumeSigning({ clientKey, letterSlug: "x" })).toEqual({ allowed: false, retryAfterSeconds: 15 });
  vi.setSystemTime(new Date(START.getTime() + 61_000));
  expect(await limits.consumeSigning({ clientKey, letterSlug: `letter-${randomUUID()}` })).toMatchObject({ allowed: true });
});
