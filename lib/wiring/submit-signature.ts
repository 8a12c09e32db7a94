import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/config/env";
import { cachedSigningPolicyLoader, type TSigningPolicyLoader } from "@/lib/letters/signing-policy";
import { clientLimitException, hashClientIp } from "@/lib/security/hash-client-ip";
import { signLetter } from "@/lib/signatures/sign-letter";
import { kickOutbox } from "./background-jobs";
import { clientAddressFrom } from "./client-address";
import { emailHmacKey } from "./secrets";
import { getSigningLimits } from "./signing-limits";

// One per process: each letter's signing policy is read at most once a second (signing-policy.ts).
const globalForPolicy = globalThis as typeof globalThis & { undersignedSigningPolicy?: TSigningPolicyLoader };

/** A signature submission from the form or the API, wired to this process's database and limits. */
export async function submitSignature(letterSlug: string, input: unknown, headers: Headers): Promise<{ status: "pending" }> {
  const now = new Date();
  const key = emailHmacKey();
  const clientAddress = clientAddressFrom(headers);
  const result = await signLetter(
    {
      db: getDb(),
      now,
      emailHmacKey: key,
      loadPolicy: (globalForPolicy.undersignedSigningPolicy ??= cachedSigningPolicyLoader()),
      limits: getSigningLimits(),
      clientKey: hashClientIp(clientAddress, key, now),
      clientPerMinute: clientLimitException(clientAddress, getEnv().RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS),
    },
    letterSlug,
    input,
  );
  // The email was committed with the signature; delivering it now rather than at the next tick
  // is only about speed.
  kickOutbox();
  return result;
}
