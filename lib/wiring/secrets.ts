import "server-only";
import { getEnv } from "@/lib/config/env";

/** The address-hashing key; `npm start` supplies a generated one locally, production must set it. */
export function emailHmacKey(): string {
  const key = getEnv().EMAIL_HMAC_KEY;
  if (!key) throw new Error("EMAIL_HMAC_KEY is not set. Start the app with `npm start`, or set it (see .env.example).");
  return key;
}
