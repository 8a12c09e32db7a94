import { AppError } from "@/lib/errors/app-error";
import { ZSlug } from "@/lib/letters/slug";
import type { TSigningCheck, TSigningRateLimits } from "@/lib/security/rate-limits";
import { createSignature, type TCreateSignatureDeps } from "./create-signature";

/** What signing needs of the rate limits (lib/security/rate-limits.ts): their one-round-trip check. */
export type TSigningLimits = Pick<TSigningRateLimits, "consumeSigning">;

/**
 * The one entry point for a signature submission, shared by the form's server action and the
 * JSON API: flood control (per client, per letter, per address's emails), then the signature.
 * `clientKey` identifies the client without being its IP address (see hashClientIp);
 * `clientPerMinute` is its own limit when configured (RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS).
 *
 * The three limits are decided in one round trip, when createSignature asks whether it may
 * email the address (by then the submission is valid and the letter known), and before it
 * writes anything. A submission refused before that point (invalid input, no such letter)
 * still counts against the client and the letter, as it always did: a client over its limit
 * gets 429 whatever it sends, and a flood of bad requests is limited like any other.
 */
export async function signLetter(
  deps: Omit<TCreateSignatureDeps, "mayEmailAddress"> & { limits: TSigningLimits; clientKey: string; clientPerMinute?: number },
  letterSlug: string,
  input: unknown,
): Promise<{ status: "pending" }> {
  // The slug comes from the URL, or from the form's bound argument, which a client can rewrite:
  // anything that cannot name a letter is refused before it becomes a per-letter counter (a
  // row per made-up slug; past 255 characters, an error the store could not hold).
  if (!ZSlug.safeParse(letterSlug).success) throw new AppError("LETTER_NOT_FOUND");
  const check: TSigningCheck = { clientKey: deps.clientKey, clientPerMinute: deps.clientPerMinute, letterSlug };
  const decide = async (address?: TSigningCheck["address"]) => {
    const decision = await deps.limits.consumeSigning({ ...check, address });
    if (!decision.allowed) throw new AppError("RATE_LIMITED", { retryAfterSeconds: decision.retryAfterSeconds });
    return decision.mayEmail;
  };
  let counted = false;
  try {
    return await createSignature(
      {
        ...deps,
        sourceKey: deps.clientKey,
        mayEmailAddress: (letterId, emailKey) => {
          counted = true;
          return decide({ letterId, emailKey });
        },
      },
      letterSlug,
      input,
    );
  } catch (error) {
    if (!counted && error instanceof AppError) await decide();
    throw error;
  }
}
