import { createHash, createHmac, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: what goes into a link. Only its hash is ever stored. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether a value could be a token of ours: anything else is refused before a lookup. */
export function isTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * SHA-256 suffices for tokens (unlike passwords): they carry 256 bits of entropy, so the hash
 * cannot be brute-forced, and a stolen database yields no usable link.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A keyed hash: the same input gives the same key only to whoever holds the secret. */
export function keyedHash(value: string, secret: string): string {
  return createHmac("sha256", secret).update(value, "utf8").digest("hex");
}
