import { z } from "zod";
import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { keyedHash } from "@/lib/security/tokens";
import { ZOrganiserEmail } from "./actor";
import { signInEmail } from "./emails/organiser-emails";
import { DEFAULT_CALLBACK_PATH, ZCallbackPath } from "./sign-in-link";

export const ZSignInRequest = z.object({
  email: ZOrganiserEmail,
  callbackPath: ZCallbackPath.catch(DEFAULT_CALLBACK_PATH),
});

export type TRequestSignInLinkDeps = {
  db: TDb;
  /** Keys the per-address limit without handing the limiter a plain address. */
  addressHmacKey: string;
  mayEmail: (addressKey: string) => Promise<boolean>;
};

/**
 * Queues a sign-in link for an organiser. Anyone may start an account, so every address gets
 * the same answer; an address asked for too often this hour is simply not emailed again, so the
 * form cannot be used to flood someone's inbox.
 */
export async function requestSignInLink(deps: TRequestSignInLinkDeps, rawInput: unknown): Promise<{ email: string }> {
  const parsed = ZSignInRequest.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { fields: fieldErrorsOf(parsed.error) });
  const { email, callbackPath } = parsed.data;
  if (await deps.mayEmail(keyedHash(`sign-in:${email}`, deps.addressHmacKey))) {
    await enqueueEmail(deps.db, signInEmail, email, { email, callbackPath });
  }
  return { email };
}
