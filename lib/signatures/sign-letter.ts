import { AppError } from "@/lib/errors/app-error";
import { ZSlug } from "@/lib/letters/slug";
import { createSignature, type TCreateSignatureDeps } from "./create-signature";

type TLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type TSigningLimits = {
  consumeIp(ipKey: string): Promise<TLimitResult>;
  consumeLetter(letterKey: string): Promise<TLimitResult>;
  consumeAddressEmail(letterId: string, emailKey: string): Promise<boolean>;
};

/**
 * The one entry point for a signature submission, shared by the form's server action and the
 * JSON API: flood control first (per client and per letter), then the signature itself.
 * `clientKey` identifies the client without being its IP address (see hashClientIp).
 */
export async function signLetter(
  deps: Omit<TCreateSignatureDeps, "mayEmailAddress"> & { limits: TSigningLimits; clientKey: string },
  letterSlug: string,
  input: unknown,
): Promise<{ status: "pending" }> {
  // The slug comes from the URL, or from the form's bound argument, which a client can rewrite:
  // anything that cannot name a letter is refused before it becomes a per-letter counter (a
  // row per made-up slug; past 255 characters, an error the store could not hold).
  if (!ZSlug.safeParse(letterSlug).success) throw new AppError("LETTER_NOT_FOUND");
  // One after the other: a client already over its own limit must not use up the letter's.
  for (const consume of [() => deps.limits.consumeIp(deps.clientKey), () => deps.limits.consumeLetter(letterSlug)]) {
    const result = await consume();
    if (!result.allowed) throw new AppError("RATE_LIMITED", { retryAfterSeconds: result.retryAfterSeconds });
  }
  return createSignature(
    { ...deps, sourceKey: deps.clientKey, mayEmailAddress: (letterId, emailKey) => deps.limits.consumeAddressEmail(letterId, emailKey) },
    letterSlug,
    input,
  );
}
