import "server-only";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/config/env";
import { clientLimitException, hashClientIp } from "@/lib/security/hash-client-ip";
import { createOrganiserVerifiedSignature, type TOrganiserClaim } from "@/lib/signatures/create-organiser-verified-signature";
import { clientAddressFrom } from "./client-address";
import { emailHmacKey } from "./secrets";
import { getSigningLimits } from "./signing-limits";

/** A claim for organiser verification from the form, wired to this process's database and limits. */
export async function submitOrganiserClaim(letterSlug: string, input: unknown, headers: Headers): Promise<TOrganiserClaim> {
  const now = new Date();
  const key = emailHmacKey();
  const clientAddress = clientAddressFrom(headers);
  return createOrganiserVerifiedSignature(
    {
      db: getDb(),
      now,
      codeKey: key,
      limits: getSigningLimits(),
      clientKey: hashClientIp(clientAddress, key, now),
      clientPerMinute: clientLimitException(clientAddress, getEnv().RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS),
    },
    letterSlug,
    input,
  );
}
