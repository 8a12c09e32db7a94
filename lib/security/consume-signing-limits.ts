import type { Pool } from "pg";
import type { Redis } from "ioredis";
import type { TEnv } from "@/lib/config/env";
import { groupCommit, groupCommitPer, type TGroupOutcome } from "@/lib/db/group-commit";

// The store's key column is VARCHAR(255): a longer key would fail as a database error, read as an outage.
const MAX_KEY_LENGTH = 255;

/**
 * The three limits a signature submission passes (per client, per letter, per address's email),
 * decided in ONE round trip to the shared store instead of three: a signing spike is thousands
 * of these a second, and each round trip was a large share of a submission's cost.
 *
 * The order of the separate checks is kept inside the one statement (or script): a client
 * already over its own limit uses up nothing of the letter's, and a refused submission uses up
 * nothing of its address's emails. Rows and keys have the exact shape rate-limiter-flexible
 * uses (`rate_limits(key, points, expire)` in ms; Redis counters with a TTL), so the library's
 * single checks (sign-in emails) and its clean-up of expired rows share the same store.
 */

/** One signature submission's limits, all decided at once (see consumeSigning). */
export type TSigningCheck = {
  /** The client's key (`hashClientIp`) and, for a client given its own limit, that limit per minute. */
  clientKey: string;
  clientPerMinute?: number;
  /** The letter's slug, as consumeLetter takes it. */
  letterSlug: string;
  /** The address whose verification email this submission would send; absent when none would be. */
  address?: { letterId: string; emailKey: string };
};
export type TSigningDecision = { allowed: false; retryAfterSeconds: number } | { allowed: true; mayEmail: boolean };

export type TLimitKey = { key: string; points: number; durationMs: number };
export type TSigningLimitRequest = { ip: TLimitKey; letter: TLimitKey; address?: TLimitKey };
/** Points used in each counter after this submission; null where it was not counted (an earlier limit refused it). */
export type TSigningLimitCounts = {
  ip: { points: number; msLeft: number };
  letter: { points: number; msLeft: number } | null;
  address: { points: number; msLeft: number } | null;
};

// Plain SQL rather than the library: it issues one statement per limit and per submission.
// Here one statement decides a whole batch of submissions (group commit, lib/db/group-commit.ts):
// under a signing spike every submission increments the same per-letter row, which one
// statement per submission took in turn, each holding it until its commit.
//
// Each counter is incremented once per batch by the number of the batch's submissions it
// counts, and each submission is given the points it would have seen alone, in batch order
// (the counter's new value, minus its increment, plus its rank among them). The three limits
// keep their order: the letter counts only the submissions their client's limit allowed, the
// address only those the letter's allowed. Every statement takes the client rows, then the
// letter rows, then the address rows, each set in key order, so no two instances deadlock.
const UPSERT_SQL = `
  WITH item AS (
    SELECT * FROM unnest($2::varchar[], $3::int[], $4::bigint[], $5::varchar[], $6::int[], $7::bigint[], $8::varchar[], $9::int[], $10::bigint[])
      WITH ORDINALITY AS t(ip_key, ip_limit, ip_ms, letter_key, letter_limit, letter_ms, address_key, address_limit, address_ms, position)),
  ip_n AS (SELECT ip_key AS key, count(*)::int AS n, max(ip_ms) AS ms FROM item GROUP BY ip_key),
  ip AS (
    INSERT INTO rate_limits AS r (key, points, expire) SELECT key, n, $1::bigint + ms FROM ip_n ORDER BY key
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN r.expire <= $1::bigint THEN excluded.points ELSE r.points + excluded.points END,
      expire = CASE WHEN r.expire <= $1::bigint THEN excluded.expire ELSE r.expire END
    RETURNING key, points, expire),
  ip_item AS (
    SELECT item.*, ip.points - ip_n.n + row_number() OVER (PARTITION BY item.ip_key ORDER BY item.position) AS ip_points, ip.expire AS ip_expire
    FROM item JOIN ip ON ip.key = item.ip_key JOIN ip_n ON ip_n.key = item.ip_key),
  letter_n AS (SELECT letter_key AS key, count(*)::int AS n, max(letter_ms) AS ms FROM ip_item WHERE ip_points <= ip_limit GROUP BY letter_key),
  letter AS (
    INSERT INTO rate_limits AS r (key, points, expire) SELECT key, n, $1::bigint + ms FROM letter_n ORDER BY key
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN r.expire <= $1::bigint THEN excluded.points ELSE r.points + excluded.points END,
      expire = CASE WHEN r.expire <= $1::bigint THEN excluded.expire ELSE r.expire END
    RETURNING key, points, expire),
  letter_item AS (
    SELECT ip_item.*, letter.points - letter_n.n + row_number() OVER (PARTITION BY ip_item.letter_key ORDER BY ip_item.position) AS letter_points,
           letter.expire AS letter_expire
    FROM ip_item JOIN letter ON letter.key = ip_item.letter_key JOIN letter_n ON letter_n.key = ip_item.letter_key
    WHERE ip_item.ip_points <= ip_item.ip_limit),
  address_n AS (
    SELECT address_key AS key, count(*)::int AS n, max(address_ms) AS ms FROM letter_item
    WHERE address_key IS NOT NULL AND letter_points <= letter_limit GROUP BY address_key),
  address AS (
    INSERT INTO rate_limits AS r (key, points, expire) SELECT key, n, $1::bigint + ms FROM address_n ORDER BY key
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN r.expire <= $1::bigint THEN excluded.points ELSE r.points + excluded.points END,
      expire = CASE WHEN r.expire <= $1::bigint THEN excluded.expire ELSE r.expire END
    RETURNING key, points, expire),
  address_item AS (
    SELECT letter_item.position, address.points - address_n.n + row_number() OVER (PARTITION BY letter_item.address_key ORDER BY letter_item.position) AS address_points,
           address.expire AS address_expire
    FROM letter_item JOIN address ON address.key = letter_item.address_key JOIN address_n ON address_n.key = letter_item.address_key
    WHERE letter_item.letter_points <= letter_item.letter_limit)
  SELECT ip_item.position::int AS position, ip_item.ip_points::int AS ip_points, ip_item.ip_expire,
         letter_item.letter_points::int AS letter_points, letter_item.letter_expire,
         address_item.address_points::int AS address_points, address_item.address_expire
  FROM ip_item LEFT JOIN letter_item USING (position) LEFT JOIN address_item USING (position)
  ORDER BY ip_item.position`;

type TRow = { position: number } & Record<"ip_points" | "letter_points" | "address_points", number | null> &
  Record<"ip_expire" | "letter_expire" | "address_expire", string | null>;
type TPendingCheck = { request: TSigningLimitRequest; nowMs: number };

// 500 submissions' limits are one statement of a few milliseconds; two at once keep the
// limits' own small pool (lib/wiring/signing-limits.ts) from queueing behind itself.
const limitBatches = groupCommitPer((pool: Pool) =>
  groupCommit<TPendingCheck, TSigningLimitCounts>({ write: (checks) => consumeBatch(pool, checks), maxBatch: 500, maxConcurrent: 2 }),
);

export function consumeSigningLimitsPostgres(pool: Pool, request: TSigningLimitRequest, nowMs = Date.now()): Promise<TSigningLimitCounts> {
  return limitBatches(pool)({ request, nowMs });
}

async function consumeBatch(pool: Pool, checks: TPendingCheck[]): Promise<TGroupOutcome<TSigningLimitCounts>[]> {
  // One clock for the batch (the latest of its submissions'), so that every counter's window is
  // judged once per statement.
  const nowMs = Math.max(...checks.map((check) => check.nowMs));
  const column = <T>(pick: (request: TSigningLimitRequest) => T) => checks.map((check) => pick(check.request));
  const { rows } = await pool.query<TRow>(UPSERT_SQL, [
    nowMs,
    column((request) => request.ip.key),
    column((request) => request.ip.points),
    column((request) => request.ip.durationMs),
    column((request) => request.letter.key),
    column((request) => request.letter.points),
    column((request) => request.letter.durationMs),
    column((request) => request.address?.key ?? null),
    column((request) => request.address?.points ?? 0),
    column((request) => request.address?.durationMs ?? 0),
  ]);
  if (rows.length !== checks.length) throw new Error(`the limits statement answered ${rows.length} of ${checks.length} submissions`);
  return checks.map((check, index) => {
    const row = rows[index]!;
    // What is left of a window, read on the clock the statement judged it with (the batch's), and
    // never more than the window: another instance may have opened it a moment later by its own
    // clock (CI saw "Retry-After: 2" on the one-second letter limit before this).
    const counter = (points: number | null, expire: string | null, durationMs: number) =>
      points === null ? null : { points, msLeft: Math.min(durationMs, Math.max(0, Number(expire) - nowMs)) };
    const { request } = check;
    return {
      ok: true,
      value: {
        ip: counter(row.ip_points, row.ip_expire, request.ip.durationMs)!,
        letter: counter(row.letter_points, row.letter_expire, request.letter.durationMs),
        address: counter(row.address_points, row.address_expire, request.address?.durationMs ?? 0),
      },
    };
  });
}

// The same three counters in one Redis script (atomic: Redis runs a script alone). Each counter
// as rate-limiter-flexible keeps it: created at 0 with its window as TTL, then incremented.
const SIGNING_SCRIPT = `
local function take(key, ms)
  redis.call('SET', key, 0, 'PX', ms, 'NX')
  local points = redis.call('INCR', key)
  local left = redis.call('PTTL', key)
  return {points, left}
end
local ip = take(KEYS[1], ARGV[1])
if ip[1] > tonumber(ARGV[2]) then return {ip[1], ip[2]} end
local letter = take(KEYS[2], ARGV[3])
if letter[1] > tonumber(ARGV[4]) or #KEYS < 3 then return {ip[1], ip[2], letter[1], letter[2]} end
local address = take(KEYS[3], ARGV[5])
return {ip[1], ip[2], letter[1], letter[2], address[1], address[2]}`;

export async function consumeSigningLimitsRedis(redis: Redis, request: TSigningLimitRequest): Promise<TSigningLimitCounts> {
  const { ip, letter, address } = request;
  const keys = address ? [ip.key, letter.key, address.key] : [ip.key, letter.key];
  const args = [ip.durationMs, ip.points, letter.durationMs, letter.points, address?.durationMs ?? 0];
  // EVAL caches the compiled script on the server by its hash; the text is resent each time,
  // which costs bytes on loopback, not a round trip.
  const result = (await redis.eval(SIGNING_SCRIPT, keys.length, ...keys, ...args)) as number[];
  const counter = (index: number) => (result[index] === undefined ? null : { points: result[index]!, msLeft: Math.max(0, result[index + 1]!) });
  return { ip: counter(0)!, letter: counter(2), address: counter(4) };
}

/**
 * consumeSigning: the three limiters' keys and windows, decided by one statement (PostgreSQL) or
 * one script (Redis). Like the library, a key found over its limit is refused from memory for
 * the rest of its window, so a flood stops reaching the store; allowances always reach it.
 */
export function createCombinedSigningCheck(
  store: { kind: "postgres"; pool: Pool } | { kind: "redis"; client: Redis },
  env: Pick<TEnv, "RATE_LIMIT_SIGN_PER_IP_PER_MINUTE" | "RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND" | "RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR">,
  keyOf: Record<"ip" | "letter" | "address", (key: string) => string>,
  ready: () => Promise<void>,
): (check: TSigningCheck) => Promise<TSigningDecision> {
  const blockedUntil = new Map<string, number>();
  const blocked = (key: string, now: number) => {
    const until = blockedUntil.get(key);
    if (until === undefined) return 0;
    if (until > now) return until - now;
    blockedUntil.delete(key);
    return 0;
  };
  const refuse = (key: string, msLeft: number, now: number): TSigningDecision => {
    // Bounded: a map entry per refused key for at most its window (one minute for clients).
    if (blockedUntil.size > 100_000) blockedUntil.clear();
    blockedUntil.set(key, now + msLeft);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  };
  return async (check) => {
    const now = Date.now();
    const request: TSigningLimitRequest = {
      ip: { key: keyOf.ip(check.clientKey), points: check.clientPerMinute ?? env.RATE_LIMIT_SIGN_PER_IP_PER_MINUTE, durationMs: 60_000 },
      letter: { key: keyOf.letter(check.letterSlug), points: env.RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND, durationMs: 1_000 },
      address: check.address
        ? {
            key: keyOf.address(`${check.address.letterId}:${check.address.emailKey}`),
            points: env.RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR,
            durationMs: 3_600_000,
          }
        : undefined,
    };
    for (const limit of [request.ip, request.letter, request.address]) {
      if (limit && limit.key.length > MAX_KEY_LENGTH)
        throw new RangeError(`rate-limit key is ${limit.key.length} characters; the table holds ${MAX_KEY_LENGTH}`);
    }
    for (const limit of [request.ip, request.letter]) {
      const msLeft = blocked(limit.key, now);
      if (msLeft > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
    }
    await ready();
    const counts: TSigningLimitCounts =
      store.kind === "redis" ? await consumeSigningLimitsRedis(store.client, request) : await consumeSigningLimitsPostgres(store.pool, request, now);
    if (counts.ip.points > request.ip.points) return refuse(request.ip.key, counts.ip.msLeft, now);
    if (!counts.letter) throw new Error("the store counted no letter limit after allowing the client");
    if (counts.letter.points > request.letter.points) return refuse(request.letter.key, counts.letter.msLeft, now);
    return { allowed: true, mayEmail: request.address ? counts.address !== null && counts.address.points <= request.address.points : false };
  };
}
