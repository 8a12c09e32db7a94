import "server-only";
import type { Pool } from "pg";
import type { Redis } from "ioredis";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { TEnv } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-error";
import { createCombinedSigningCheck, type TSigningCheck, type TSigningDecision } from "./consume-signing-limits";

export type { TSigningCheck, TSigningDecision };

/**
 * Rate limits on signing, counted in PostgreSQL so that every app instance shares one count:
 * a limit kept in process memory would multiply by the number of instances behind the load
 * balancer.
 *
 * The counters live in the `rate_limits` table (the `RateLimit` model in prisma/schema.prisma),
 * which our migrations create in the exact shape rate-limiter-flexible expects. All limits share
 * it, told apart by a key prefix.
 */

export type TRateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type TSigningRateLimitsEnv = Pick<
  TEnv,
  | "RATE_LIMITS_ENABLED"
  | "RATE_LIMIT_SIGN_PER_IP_PER_MINUTE"
  | "RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR"
  | "RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND"
  | "RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR"
> &
  Partial<Pick<TEnv, "RATE_LIMIT_CODE_GUESSES_PER_ORGANISER_PER_HOUR" | "RATE_LIMIT_CODE_GUESSES_PER_LETTER_PER_HOUR">>;

// Defaults of the code-guess limits (see lib/config/env.ts), for callers that pick no values.
const CODE_GUESSES_PER_ORGANISER_PER_HOUR = 120;
const CODE_GUESSES_PER_LETTER_PER_HOUR = 600;

export interface TSigningRateLimits {
  /**
   * consumeIp, then consumeLetter, then consumeAddressEmail, with their exact meaning (a later
   * limit counts only what the earlier ones allowed), in one round trip to the store.
   */
  consumeSigning(check: TSigningCheck): Promise<TSigningDecision>;
  /** One signature submission from a client, keyed by `hashClientIp` (never the raw address). */
  consumeIp(ipKey: string): Promise<TRateLimitDecision>;
  /**
   * One signature submission to a letter, from anyone, keyed by the letter's slug: the signing
   * path knows it from the URL before any query, so a flood is refused without touching the letter.
   */
  consumeLetter(letterSlug: string): Promise<TRateLimitDecision>;
  /**
   * One verification email to an address (its `emailKey`) for a letter. `false` means: do not
   * send it, and answer the signer exactly as if it had been sent, so that the limit reveals
   * nothing about the address.
   */
  consumeAddressEmail(letterId: string, emailKey: string): Promise<boolean>;
  /** One organiser sign-in email to an address (keyed, never plain); `false`: stay silent. */
  consumeSignInEmail(addressKey: string): Promise<boolean>;
  /**
   * One organiser verification code looked up or acted on (lib/moderation/find-organiser-claim.ts):
   * limited per organiser and per letter, so neither one organiser nor a letter's whole team can
   * walk the code space.
   */
  consumeOrganiserCodeGuess(userId: string, letterId: string): Promise<TRateLimitDecision>;
}

// The client's key lives in its own module; re-exported, as callers have always found it here.

const TABLE_NAME = "rate_limits";
// The table's `key` column is VARCHAR(255); a longer key would fail as a database error and be
// mistaken for an outage.
const MAX_KEY_LENGTH = 255;

/**
 * Builds the signing limits on Redis, or on `pool`: give it a `pg` pool of its own (Prisma's pool is not
 * reachable from outside the client); a few connections suffice, as each check is one statement.
 *
 * Over a limit is a result, never an exception. A failing store (database down, table missing)
 * rejects with the underlying error: signing must not quietly go on without limits, and the
 * caller maps the outage to SERVICE_UNAVAILABLE like any other database failure.
 */
export function createSigningRateLimits(options: { env: TSigningRateLimitsEnv } & ({ pool: Pool } | { redis: Redis })): TSigningRateLimits {
  const { env } = options;
  // Redis, where the operator provides one, takes the counters' writes off PostgreSQL.
  const store: TStore = "redis" in options ? { kind: "redis", client: options.redis } : { kind: "postgres", pool: options.pool };

  // Disabled limits construct no limiter at all, so they never query the database, not even for
  // the store's periodic clean-up of expired rows.
  if (!env.RATE_LIMITS_ENABLED) {
    return {
      consumeSigning: async () => ({ allowed: true, mayEmail: true }),
      consumeIp: async () => ({ allowed: true }),
      consumeLetter: async () => ({ allowed: true }),
      consumeAddressEmail: async () => true,
      consumeSignInEmail: async () => true,
      consumeOrganiserCodeGuess: async () => ({ allowed: true }),
    };
  }

  const perIp = createLimiter(store, {
    keyPrefix: "sign-ip",
    points: env.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE,
    duration: 60,
    // Every limiter's clean-up deletes expired rows of the whole shared table; one is enough.
    clearExpiredByTimeout: true,
  });
  const perLetter = createLimiter(store, {
    keyPrefix: "sign-letter",
    points: env.RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND,
    duration: 1,
    clearExpiredByTimeout: false,
  });
  const perAddress = createLimiter(store, {
    keyPrefix: "verify-email",
    points: env.RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR,
    duration: 60 * 60,
    clearExpiredByTimeout: false,
  });

  const perSignInAddress = createLimiter(store, {
    keyPrefix: "sign-in-email",
    points: env.RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR,
    duration: 60 * 60,
    clearExpiredByTimeout: false,
  });

  const perOrganiserCodeGuess = createLimiter(store, {
    keyPrefix: "code-guess-organiser",
    points: env.RATE_LIMIT_CODE_GUESSES_PER_ORGANISER_PER_HOUR ?? CODE_GUESSES_PER_ORGANISER_PER_HOUR,
    duration: 60 * 60,
    clearExpiredByTimeout: false,
  });
  const perLetterCodeGuess = createLimiter(store, {
    keyPrefix: "code-guess-letter",
    points: env.RATE_LIMIT_CODE_GUESSES_PER_LETTER_PER_HOUR ?? CODE_GUESSES_PER_LETTER_PER_HOUR,
    duration: 60 * 60,
    clearExpiredByTimeout: false,
  });

  const ready = store.kind === "redis" ? redisReadiness(store.client) : async () => {};
  const check = async (limiter: TLimiter, key: string) => {
    await ready();
    return consume(limiter, key);
  };
  const signing = createCombinedSigningCheck(
    store,
    env,
    { ip: (key) => perIp.getKey(key), letter: (key) => perLetter.getKey(key), address: (key) => perAddress.getKey(key) },
    ready,
  );
  return {
    consumeSigning: signing,
    consumeIp: (ipKey) => check(perIp, ipKey),
    consumeLetter: (letterSlug) => check(perLetter, letterSlug),
    consumeAddressEmail: async (letterId, emailKey) => (await check(perAddress, `${letterId}:${emailKey}`)).allowed,
    consumeSignInEmail: async (addressKey) => (await check(perSignInAddress, addressKey)).allowed,
    consumeOrganiserCodeGuess: async (userId, letterId) => {
      // The organiser's own limit first: one organiser over it must not use up the letter's.
      const own = await check(perOrganiserCodeGuess, userId);
      return own.allowed ? check(perLetterCodeGuess, letterId) : own;
    },
  };
}

// Long enough for a connection being made or remade; short enough that a request does not hang.
const REDIS_READY_WAIT_MS = 2_000;

/**
 * Waits, briefly, for a Redis client that is connecting. A load balancer sends a new instance
 * requests as soon as it answers, while its client is still connecting; with no offline queue
 * (lib/wiring/signing-limits.ts) the library would refuse them at once, as errors that read like
 * bugs (500s). A connection that does not come within the wait is an outage: SERVICE_UNAVAILABLE,
 * a 503 with Retry-After. Concurrent callers share one wait.
 */
function redisReadiness(client: Redis): () => Promise<void> {
  let waiting: Promise<boolean> | undefined;
  const waitForReady = () =>
    new Promise<boolean>((resolve) => {
      const settle = (ready: boolean) => {
        clearTimeout(timer);
        client.off("ready", onReady);
        client.off("end", onEnd);
        resolve(ready);
      };
      const onReady = () => settle(true);
      const onEnd = () => settle(false);
      const timer = setTimeout(() => settle(false), REDIS_READY_WAIT_MS);
      client.once("ready", onReady);
      client.once("end", onEnd);
    });
  return async () => {
    if (client.status === "ready") return;
    // "end": the client has given up and will not connect again.
    const ready = client.status !== "end" && (await (waiting ??= waitForReady().finally(() => (waiting = undefined))));
    if (!ready) throw new AppError("SERVICE_UNAVAILABLE", { retryAfterSeconds: 5 });
  };
}

type TStore = { kind: "postgres"; pool: Pool } | { kind: "redis"; client: Redis };
type TLimiter = RateLimiterPostgres | RateLimiterRedis;

function createLimiter(store: TStore, limit: { keyPrefix: string; points: number; duration: number; clearExpiredByTimeout: boolean }): TLimiter {
  // Once a key has used its last point, this process refuses it from memory for the rest of
  // the window, so a flood from one client (or onto one letter) stops writing to the store.
  // Only refusals are answered from memory; every allowance is still counted in the store,
  // so instances together never allow more than `points`.
  const inMemoryBlockOnConsumed = limit.points;
  if (store.kind === "redis") {
    return new RateLimiterRedis({
      storeClient: store.client,
      // A Redis that is down fails the request (a 503), rather than letting it through unlimited.
      rejectIfRedisNotReady: true,
      keyPrefix: `undersigned:${limit.keyPrefix}`,
      points: limit.points,
      duration: limit.duration,
      inMemoryBlockOnConsumed,
    });
  }
  return new RateLimiterPostgres({
    storeClient: store.pool,
    storeType: "pool",
    tableName: TABLE_NAME,
    // The migration owns the table: the library must not issue DDL from a request path, nor
    // need CREATE rights on the schema.
    tableCreated: true,
    keyPrefix: limit.keyPrefix,
    points: limit.points,
    duration: limit.duration,
    clearExpiredByTimeout: limit.clearExpiredByTimeout,
    inMemoryBlockOnConsumed,
  });
}

async function consume(limiter: TLimiter, key: string): Promise<TRateLimitDecision> {
  const storedKey = limiter.getKey(key);
  if (storedKey.length > MAX_KEY_LENGTH) {
    throw new RangeError(`rate-limit key is ${storedKey.length} characters; the table holds ${MAX_KEY_LENGTH}`);
  }
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection: unknown) {
    // The library rejects with a RateLimiterRes when over the limit, and with the store's error
    // when the store fails; only the first is a decision.
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection instanceof Error ? rejection : new Error("rate-limit store failed", { cause: rejection });
  }
}
