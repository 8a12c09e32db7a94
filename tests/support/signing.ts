import type { TDb } from "@/lib/db/prisma";
import type { TCreateSignatureDeps } from "@/lib/signatures/create-signature";

export const TEST_EMAIL_HMAC_KEY = "test-email-hmac-key-test-email-hmac-key";

/** Signing dependencies for a test: the real domain code, a fixed clock, emails always allowed. */
export function signingDeps(db: TDb, overrides: Partial<TCreateSignatureDeps> = {}): TCreateSignatureDeps {
  return { db, now: new Date(), emailHmacKey: TEST_EMAIL_HMAC_KEY, mayEmailAddress: async () => true, ...overrides };
}

export const signer = (overrides: Record<string, unknown> = {}) => ({
  name: "Jane Doe",
  email: "jane.doe@example.com",
  anonymous: false,
  ...overrides,
});
