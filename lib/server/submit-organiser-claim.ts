import "server-only";
import { getDb } from "@/lib/db/client";
import { hashClientIp } from "@/lib/security/rate-limits";
import { createOrganiserVerifiedSignature, type TOrganiserClaim } from "@/lib/signatures/create-organiser-verified-signature";
import { clientAddressFrom } from "./client-address";
import { emailHmacKey } from "./secrets";
import { getSigningLimits } from "./signing-limits";

/** A claim for organiser verification from the form, wired to this process's database and limits. */
export async function submitOrganiserClaim(letterSlug: string, input: unknown, headers: Headers): Promise<TOrganiserClaim> {
  const now = new Date();
  const key = emailHmacKey();
  return createOrganiserVerifiedSignature(
    { db: getDb(), now, codeKey: key, limits: getSigningLimits(), clientKey: hashClientIp(clientAddressFrom(headers), key, now) },
    letterSlug,
    input,
  );
}
