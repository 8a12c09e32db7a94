import { isIP } from "node:net";
import { z } from "zod";

/**
 * The process's configuration, read from the environment and validated once.
 *
 * Two modes:
 * - **local** (a trial on a laptop, `npm start` without DATABASE_URL, or any non-production
 *   run): safe defaults; the launcher generates and keeps secrets under `.data/`.
 * - **production** (`NODE_ENV=production` on a PostgreSQL server of your own): every setting
 *   below marked required must be given, and a missing one stops the process at start with its
 *   name, rather than failing later on the first request that needs it.
 */
const ZBooleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const ZPostgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL");

export const ZRawEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: ZPostgresUrl.optional(),
  /** Set by the launcher when it serves the app on its embedded PostgreSQL. */
  UNDERSIGNED_EMBEDDED_DB: ZBooleanFlag.default(false),
  EMBEDDED_DB_DIR: z.string().min(1).default(".data/postgres"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * Key of the HMAC that turns a signer's address into the key a signature is deduplicated on.
   * Separate from AUTH_SECRET: rotating session secrets must not let everyone sign twice.
   */
  EMAIL_HMAC_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * The public address. Locally it defaults to http://localhost:PORT, so that `PORT=3400 npm
   * start` sends links that lead to port 3400 (see parseEnv); production must set it.
   */
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The port `npm start` serves on (the production server's `--port` overrides it). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  EMAIL_FROM: z.string().min(3).default("Undersigned <no-reply@undersigned.localhost>"),
  /** Where the dev mailbox keeps messages when no SMTP_URL is set (never in production). */
  DEV_MAILBOX_DIR: z.string().min(1).default(".data/mailbox"),
  /**
   * `separate-process`: each production web process (scripts/production-server.ts) runs the
   * outbox, count folding and housekeeping in a child process it supervises (under `next dev`,
   * in the web process itself); `in-process`: in the web process; `off`: run `npm run worker`.
   */
  BACKGROUND_JOBS: z.enum(["separate-process", "in-process", "off"]).default("separate-process"),
  /** Shared store for rate limits across instances; PostgreSQL when unset. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Rate limits stay on in production; `false` exists for benchmarks that measure throughput. */
  RATE_LIMITS_ENABLED: ZBooleanFlag.default(true),
  /** Signature submissions one client IP may make per minute. Generous: a whole office may share one address. */
  RATE_LIMIT_SIGN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /**
   * Clients given a per-minute limit of their own instead: `address=limit` pairs, comma-separated
   * (an IPv6 address stands for its /64, as the limit counts it). For a known client that
   * legitimately submits a lot (a load generator, a partner relay): the other limits still apply.
   */
  RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS: z
    .string()
    .default("")
    .transform((raw, context) => {
      const exceptions: { address: string; perMinute: number }[] = [];
      for (const entry of raw
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)) {
        const [address = "", limit = ""] = entry.split("=").map((part) => part.trim());
        const perMinute = Number(limit);
        if (!isIP(address) || !Number.isInteger(perMinute) || perMinute < 1) {
          context.addIssue({ code: "custom", message: `"${entry}" is not address=limit (an IP address and a whole number)` });
          return z.NEVER;
        }
        exceptions.push({ address, perMinute });
      }
      return exceptions;
    }),
  /** Verification emails one address may be sent per letter per hour (more attempts are silently not emailed). */
  RATE_LIMIT_EMAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(1),
  /** Signature submissions one letter accepts per second, across all clients. */
  RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: z.coerce.number().int().min(1).default(2000),
  /** Sign-in emails one address may be sent per hour (more requests are silently not emailed). */
  RATE_LIMIT_SIGN_IN_EMAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** Verification codes (of signers verified by organisers) one organiser may look up or act on per hour. */
  RATE_LIMIT_CODE_GUESSES_PER_ORGANISER_PER_HOUR: z.coerce.number().int().min(1).default(120),
  /** Verification codes a letter's organisers together may look up or act on per hour. */
  RATE_LIMIT_CODE_GUESSES_PER_LETTER_PER_HOUR: z.coerce.number().int().min(1).default(600),
  /** Platform admins: comma-separated addresses. They review letters and may act on any letter. */
  ADMIN_EMAILS: z.string().default(""),
  /** New letters wait in an admin review queue before they open. */
  REQUIRE_APPROVAL: ZBooleanFlag.default(false),
  /**
   * Proxies in front of the app that append to X-Forwarded-For (a load balancer: 1; a CDN and a
   * balancer: 2). The client address, which rate limits key on, is read that many entries from
   * the end; 0 uses the TCP peer and ignores the header, which a client can write.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * The smallest group a public breakdown shows (per-domain totals, per-day bars, an anonymous
   * signer's domain): smaller ones are folded into "other" (lib/privacy/small-groups.ts).
   */
  MIN_PUBLIC_GROUP: z.coerce.number().int().min(1).max(1000).default(5),
  /** Days after a letter closes before its signer records are reduced to what its public page shows. */
  RETENTION_DAYS: z.coerce.number().int().min(1).default(180),
  /** Apply pending migrations when a server process starts (always on for the embedded database). */
  MIGRATE_ON_START: ZBooleanFlag.default(false),
});

export type TRawEnv = Omit<z.infer<typeof ZRawEnv>, "APP_URL"> & { APP_URL: string };

const PRODUCTION_REQUIRED = ["DATABASE_URL", "AUTH_SECRET", "EMAIL_HMAC_KEY", "APP_URL", "SMTP_URL", "EMAIL_FROM"] as const;

export type TEnv = TRawEnv & { mode: "local" | "production" };

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = ZRawEnv.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const mode = env.NODE_ENV === "production" && !env.UNDERSIGNED_EMBEDDED_DB ? "production" : "local";
  if (mode === "production") {
    const missing = PRODUCTION_REQUIRED.filter((name) => cleaned[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(
        `Missing production setting${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. ` +
          "See .env.example. (To try Undersigned without any setup, run `npm start` without DATABASE_URL.)",
      );
    }
  }
  return { ...env, APP_URL: env.APP_URL ?? localAppUrl(env.PORT), mode };
}

/** Where a local run is reached: the port it serves on, on this machine. */
export function localAppUrl(port: number): string {
  return `http://localhost:${port}`;
}

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
