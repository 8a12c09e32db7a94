import { createHash } from "node:crypto";
import { z } from "zod";
import type { TDb } from "@/lib/db/prisma";
import { generateToken } from "@/lib/security/tokens";

/** A sign-in link works for an hour: long enough to find the email, short enough to go stale. */
export const SIGN_IN_LINK_LIFETIME_MS = 60 * 60 * 1000;

export const DEFAULT_CALLBACK_PATH = "/organise";

/**
 * Where to go after signing in: a path on this site only. "//evil.example" and "/\evil.example"
 * are paths to a browser's eye but another host to its address bar, so both are refused.
 */
export const ZCallbackPath = z
  .string()
  .max(512)
  .regex(/^\/(?![/\\])[^\s]*$/, "must be a path on this site");

export function safeCallbackPath(value: unknown): string {
  const parsed = ZCallbackPath.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_CALLBACK_PATH;
}

/**
 * Auth.js stores an email sign-in token as SHA-256 of the token followed by its secret, and
 * checks a clicked link the same way (@auth/core's email callback).
 */
export function hashSignInToken(token: string, authSecret: string): string {
  return createHash("sha256").update(`${token}${authSecret}`, "utf8").digest("hex");
}

/**
 * Creates a sign-in token for `email` and returns the link to the scanner-safe page that uses it.
 * Called when the email is sent, never earlier, so no usable token waits in the outbox. The
 * link opens our own page, not Auth.js's callback: corporate link scanners open every link in
 * a message, and only a person pressing the page's button may spend the token.
 */
export async function issueSignInLink(
  db: TDb,
  request: { email: string; callbackPath: string },
  context: { appUrl: string; now: Date; authSecret: string },
): Promise<string> {
  const token = generateToken();
  await db.verificationToken.create({
    data: {
      identifier: request.email,
      token: hashSignInToken(token, context.authSecret),
      expires: new Date(context.now.getTime() + SIGN_IN_LINK_LIFETIME_MS),
    },
  });
  const query = new URLSearchParams({ email: request.email, token, callbackUrl: request.callbackPath });
  return `${context.appUrl}/sign-in/verify?${query}`;
}
