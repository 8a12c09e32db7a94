import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { errorResponse } from "@/lib/adapters/api-answer";
import { createSigningRateLimits } from "@/lib/security/rate-limits";
import { signLetter } from "./sign-letter";
import { connectTestDb, resetDatabase } from "@/tests/support/db";
import { createLetter } from "@/tests/support/factories";
import { signer, TEST_EMAIL_HMAC_KEY } from "@/tests/support/signing";

// A script hammering the sign endpoint from one client must be stopped with a 429 that says
// when to come back, before it costs a database write or an email.

const db = connectTestDb();
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

const LIMITS_ON = {
  RATE_LIMITS_ENABLED: true,
  RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 60,
  RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: 5,
  RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: 100,
  RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: 5,
};

describe("signLetter", () => {
  beforeEach(() => resetDatabase(db));

  it("answers a client over its limit with RATE_LIMITED, a 429 with Retry-After, and records nothing", async () => {
    const letter = await createLetter(db);
    const limits = createSigningRateLimits({ pool, env: { ...LIMITS_ON, RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 2 } });
    const deps = { db, now: new Date(), emailHmacKey: TEST_EMAIL_HMAC_KEY, limits, clientKey: `client-${Date.now()}` };

    await signLetter(deps, letter.slug, signer({ email: "one@example.com" }));
    await signLetter(deps, letter.slug, signer({ email: "two@example.com" }));
    const refusal = await signLetter(deps, letter.slug, signer({ email: "three@example.com" })).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    const response = errorResponse(refusal, "test");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await response.json()).error.code).toBe("RATE_LIMITED");
    expect(await db.signature.count()).toBe(2);
    expect(await db.outboxEmail.count()).toBe(2);

    // Another client is not affected.
    await signLetter({ ...deps, clientKey: `other-${Date.now()}` }, letter.slug, signer({ email: "four@example.com" }));
    expect(await db.signature.count()).toBe(3);
  });

  it("refuses a slug that cannot name a letter as LETTER_NOT_FOUND, before it counts against any limit", async () => {
    const limits = createSigningRateLimits({ pool, env: { ...LIMITS_ON, RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 1 } });
    const deps = { db, now: new Date(), emailHmacKey: TEST_EMAIL_HMAC_KEY, limits, clientKey: `client-${Date.now()}` };
    for (const slug of ["a".repeat(300), "Not A Slug", "../x", "\u0000", ""]) {
      await expect(signLetter(deps, slug, signer()), JSON.stringify(slug)).rejects.toMatchObject({ code: "LETTER_NOT_FOUND", status: 404 });
    }
    expect(await pool.query("SELECT count(*)::int AS n FROM rate_limits").then((result) => result.rows[0].n)).toBe(0);
    // The client's one submission a minute is still there.
    const letter = await createLetter(db);
    await expect(signLetter(deps, letter.slug, signer())).resolves.toEqual({ status: "pending" });
  });

  it("remembers which client key a signature came from, so moderators can see a flood from one source", async () => {
    const letter = await createLetter(db);
    const limits = createSigningRateLimits({
      pool,
      env: {
        RATE_LIMITS_ENABLED: false,
        RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: 1,
        RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: 1,
        RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: 1,
        RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: 1,
      },
    });
    await signLetter(
      { db, now: new Date(), emailHmacKey: TEST_EMAIL_HMAC_KEY, limits, clientKey: "source-a" },
      letter.slug,
      signer({ email: "one@example.com" }),
    );
    expect(await db.signature.findFirstOrThrow({ where: { letterId: letter.id }, select: { sourceKey: true } })).toEqual({ sourceKey: "source-a" });
  });
});
