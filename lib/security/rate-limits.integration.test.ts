import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { createSigningRateLimits, type TRateLimitDecision, type TSigningRateLimitsEnv } from "./rate-limits";

/*
 * Rate limits are what stands between one script and thousands of junk signatures or a flood
 * of verification emails to someone's inbox. They only hold if every app instance counts in the
 * same place, so these tests run two "instances" (two limit objects on two connection pools)
 * against the real PostgreSQL table the migrations create.
 *
 * The clock is frozen (only `Date`; timers and I/O stay real), so a window cannot roll over in
 * the middle of a test and windows are ended by moving the clock, never by waiting.
 */

const ENV: TSigningRateLimitsEnv = {
  RATE_LIMITS_ENABLED: true,
  RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 5,
  RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: 3,
  RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: 25,
  RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: 2,
};

const pools: pg.Pool[] = [];
function openPool(connectionString = inject("databaseUrl")): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 5, connectionTimeoutMillis: 5_000 });
  pools.push(pool);
  return pool;
}
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

// Nothing listens on port 1: every query fails at once with ECONNREFUSED.
const UNREACHABLE_DATABASE = "postgresql://postgres@127.0.0.1:1/undersigned";

const START = new Date("2026-03-01T12:00:00.000Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

function advanceClock(ms: number): void {
  vi.setSystemTime(new Date(Date.now() + ms));
}

function allowedCount(decisions: TRateLimitDecision[]): number {
  return decisions.filter((decision) => decision.allowed).length;
}

describe("signing rate limits on PostgreSQL", () => {
  it("lets a client submit N times a minute, then refuses until the minute is over", async () => {
    const limits = createSigningRateLimits({ pool: openPool(), env: ENV });
    const client = randomUUID();

    for (let attempt = 1; attempt <= ENV.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE; attempt++) {
      expect(await limits.consumeIp(client), `attempt ${attempt}`).toEqual({ allowed: true });
    }
    expect(await limits.consumeIp(client)).toEqual({ allowed: false, retryAfterSeconds: 60 });

    advanceClock(45_000);
    expect(await limits.consumeIp(client)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(await limits.consumeIp(randomUUID()), "another client").toEqual({ allowed: true });

    advanceClock(15_000);
    expect(await limits.consumeIp(client)).toEqual({ allowed: true });
  });

  it("shares one count between app instances, exactly, under concurrent submissions", async () => {
    const instanceA = createSigningRateLimits({ pool: openPool(), env: ENV });
    const instanceB = createSigningRateLimits({ pool: openPool(), env: ENV });
    const client = randomUUID();
    const limit = ENV.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE;

    const decisions = await Promise.all(Array.from({ length: 4 * limit }, (_, i) => (i % 2 === 0 ? instanceA : instanceB).consumeIp(client)));

    expect(allowedCount(decisions)).toBe(limit);
    for (const decision of decisions) {
      if (!decision.allowed) expect(decision.retryAfterSeconds).toBe(60);
    }
    // An instance that has not yet seen a refusal for this client still refuses it.
    expect(await instanceA.consumeIp(client)).toMatchObject({ allowed: false });
    expect(await instanceB.consumeIp(client)).toMatchObject({ allowed: false });
  });

  it("caps one letter's submissions per second across instances and clients", async () => {
    const instanceA = createSigningRateLimits({ pool: openPool(), env: ENV });
    const instanceB = createSigningRateLimits({ pool: openPool(), env: ENV });
    const letterSlug = `letter-${randomUUID()}`;
    const limit = ENV.RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND;

    const decisions = await Promise.all(Array.from({ length: 3 * limit }, (_, i) => (i % 2 === 0 ? instanceA : instanceB).consumeLetter(letterSlug)));

    expect(allowedCount(decisions)).toBe(limit);
    expect(decisions).toContainEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await instanceA.consumeLetter(`letter-${randomUUID()}`), "another letter").toEqual({ allowed: true });

    advanceClock(1_000);
    expect(await instanceB.consumeLetter(letterSlug)).toEqual({ allowed: true });
  });

  it("sends an address at most N verification emails per letter per hour", async () => {
    const instanceA = createSigningRateLimits({ pool: openPool(), env: ENV });
    const instanceB = createSigningRateLimits({ pool: openPool(), env: ENV });
    const letterId = randomUUID();
    const emailKey = "a".repeat(64);

    const sends = [
      await instanceA.consumeAddressEmail(letterId, emailKey),
      await instanceB.consumeAddressEmail(letterId, emailKey),
      await instanceA.consumeAddressEmail(letterId, emailKey),
      await instanceB.consumeAddressEmail(letterId, emailKey),
    ];
    expect(sends).toEqual([true, true, true, false]);
    expect(await instanceA.consumeAddressEmail(letterId, emailKey)).toBe(false);

    expect(await instanceA.consumeAddressEmail(randomUUID(), emailKey), "same address, another letter").toBe(true);
    expect(await instanceA.consumeAddressEmail(letterId, "b".repeat(64)), "another address").toBe(true);

    advanceClock(59 * 60_000);
    expect(await instanceB.consumeAddressEmail(letterId, emailKey)).toBe(false);
    advanceClock(60_000);
    expect(await instanceB.consumeAddressEmail(letterId, emailKey)).toBe(true);
  });

  it("never refuses and never touches the database when limits are disabled", async () => {
    // An unreachable database proves no query is made: any query would reject.
    const limits = createSigningRateLimits({
      pool: openPool(UNREACHABLE_DATABASE),
      env: { ...ENV, RATE_LIMITS_ENABLED: false },
    });
    const letterId = randomUUID();
    const letterSlug = `letter-${letterId}`;

    for (let attempt = 0; attempt < 10 * ENV.RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND; attempt++) {
      expect(await limits.consumeIp("one-client")).toEqual({ allowed: true });
      expect(await limits.consumeLetter(letterSlug)).toEqual({ allowed: true });
      expect(await limits.consumeAddressEmail(letterId, "a".repeat(64))).toBe(true);
    }
  });

  it("fails loudly, not open, when the store is down", async () => {
    const limits = createSigningRateLimits({ pool: openPool(UNREACHABLE_DATABASE), env: ENV });

    await expect(limits.consumeIp(randomUUID())).rejects.toThrow(/ECONNREFUSED/);
    await expect(limits.consumeLetter(`letter-${randomUUID()}`)).rejects.toThrow(/ECONNREFUSED/);
    await expect(limits.consumeAddressEmail(randomUUID(), "a".repeat(64))).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("signing rate limits on Redis (REDIS_URL)", () => {
  const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const clients: Redis[] = [];
  async function openRedis(url = REDIS_URL): Promise<Redis> {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
    redis.on("error", () => {});
    clients.push(redis);
    await redis.connect().catch(() => {});
    return redis;
  }
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
  });

  it("holds one count across two app instances", async () => {
    const instances = [createSigningRateLimits({ redis: await openRedis(), env: ENV }), createSigningRateLimits({ redis: await openRedis(), env: ENV })];
    const client = randomUUID();
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => instances[i % 2]!.consumeIp(client)));
    expect(allowedCount(decisions)).toBe(ENV.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE);
    expect(decisions.find((decision) => !decision.allowed)).toMatchObject({ allowed: false });

    const letter = randomUUID();
    const emails = await Promise.all(Array.from({ length: 8 }, (_, i) => instances[i % 2]!.consumeAddressEmail(letter, "key")));
    expect(emails.filter(Boolean)).toHaveLength(ENV.RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR);
  });

  it("fails rather than allows when Redis is unreachable, as a retryable outage", async () => {
    const limits = createSigningRateLimits({ redis: await openRedis("redis://127.0.0.1:1"), env: ENV });
    await expect(limits.consumeIp(randomUUID())).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
  });

  // A load balancer sends a new instance traffic the moment it answers; its Redis client is
  // still connecting then, and without an offline queue its first checks would fail as bugs.
  it("answers the first checks of an instance whose Redis client is still connecting", async () => {
    const redis = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    clients.push(redis);
    const limits = createSigningRateLimits({ redis, env: ENV });
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limits.consumeLetter(`letter-${randomUUID()}`)));
    expect(allowedCount(decisions)).toBe(20);
  });
});
