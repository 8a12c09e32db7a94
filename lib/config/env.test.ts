import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app@db.internal:5432/undersigned",
  AUTH_SECRET: "x".repeat(32),
  EMAIL_HMAC_KEY: "k".repeat(32),
  APP_URL: "https://undersigned.example",
  SMTP_URL: "smtp://mail.example:587",
  EMAIL_FROM: "Undersigned <letters@undersigned.example>",
};

describe("parseEnv", () => {
  it("runs locally with no settings at all", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ mode: "local", APP_URL: "http://localhost:3000", EMBEDDED_DB_DIR: ".data/postgres" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("locally, points APP_URL at the port served when APP_URL is unset", () => {
    expect(parseEnv({ PORT: "3400" }).APP_URL).toBe("http://localhost:3400");
    expect(parseEnv({ NODE_ENV: "production", UNDERSIGNED_EMBEDDED_DB: "true", PORT: "3400", APP_URL: "" }).APP_URL).toBe("http://localhost:3400");
    expect(parseEnv({ PORT: "3400", APP_URL: "https://letters.example" }).APP_URL).toBe("https://letters.example");
  });

  it("still demands APP_URL in production, whatever PORT says", () => {
    const { APP_URL: _url, ...incomplete } = PRODUCTION;
    expect(() => parseEnv({ ...incomplete, PORT: "3400" })).toThrow(/Missing production setting: APP_URL/);
  });

  it("accepts a complete production configuration", () => {
    expect(parseEnv(PRODUCTION)).toMatchObject({ mode: "production", DATABASE_URL: PRODUCTION.DATABASE_URL });
  });

  it("names every missing production setting", () => {
    const { AUTH_SECRET: _secret, EMAIL_HMAC_KEY: _key, SMTP_URL: _smtp, ...incomplete } = PRODUCTION;
    expect(() => parseEnv(incomplete)).toThrow(/Missing production settings: AUTH_SECRET, EMAIL_HMAC_KEY, SMTP_URL/);
  });

  it("treats an empty value as missing rather than as a value", () => {
    expect(() => parseEnv({ ...PRODUCTION, AUTH_SECRET: "" })).toThrow(/Missing production setting: AUTH_SECRET/);
  });

  it("does not demand production settings from the embedded trial run by `npm start`", () => {
    expect(parseEnv({ NODE_ENV: "production", UNDERSIGNED_EMBEDDED_DB: "true" }).mode).toBe("local");
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/db", /DATABASE_URL: must be a postgresql/],
    ["AUTH_SECRET", "short", /AUTH_SECRET: must be at least 32 characters/],
    ["APP_URL", "javascript:alert(1)", /APP_URL/],
    ["SMTP_URL", "http://mail.example", /SMTP_URL/],
    ["DATABASE_POOL_SIZE", "0", /DATABASE_POOL_SIZE/],
    ["EMAIL_HMAC_KEY", "short", /EMAIL_HMAC_KEY: must be at least 32 characters/],
    ["REDIS_URL", "http://localhost:6379", /REDIS_URL/],
    ["RATE_LIMITS_ENABLED", "maybe", /RATE_LIMITS_ENABLED/],
    ["BACKGROUND_JOBS", "sometimes", /BACKGROUND_JOBS/],
    ["UNDERSIGNED_EMBEDDED_DB", "yes", /UNDERSIGNED_EMBEDDED_DB/],
    ["PORT", "http", /PORT/],
  ])("refuses a malformed %s with a message naming it", (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });

  it("reads clients given their own signing limit, and refuses anything that is not address=limit", () => {
    expect(parseEnv({}).RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS).toEqual([]);
    expect(parseEnv({ RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS: "127.0.0.1=100000, 2001:db8::1=500" }).RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS).toEqual([
      { address: "127.0.0.1", perMinute: 100000 },
      { address: "2001:db8::1", perMinute: 500 },
    ]);
    for (const value of ["127.0.0.1", "example.com=5", "127.0.0.1=0", "127.0.0.1=many"]) {
      expect(() => parseEnv({ RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS: value }), value).toThrow(/RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS/);
    }
  });
});
