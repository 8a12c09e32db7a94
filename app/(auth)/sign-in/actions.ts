"use server";

import { headers } from "next/headers";
import { appUrlOriginMismatch } from "@/lib/config/app-url-check";
import { getEnv } from "@/lib/config/env";
import type { TActionState } from "@/lib/errors/action-state";
import { AppError } from "@/lib/errors/app-error";
import { explainError } from "@/lib/errors/to-app-error";
import { queueSignInLink } from "@/lib/server/auth";
import { requireFormData } from "@/lib/server/require-form-data";

/** Queues a sign-in link; every address gets the same answer (see requestSignInLink). */
export async function requestSignInAction(_state: TActionState, posted: FormData): Promise<TActionState> {
  try {
    const formData = requireFormData(posted);
    // Before any token exists: a link sent from here would lead to APP_URL, and signing in at
    // this address would fail after the token was spent (see lib/config/app-url-check.ts).
    const mismatch = appUrlOriginMismatch(getEnv().APP_URL, (await headers()).get("origin"));
    if (mismatch) throw new AppError("WRONG_SITE_ADDRESS", { message: mismatch });
    const { email } = await queueSignInLink({ email: formData.get("email"), callbackPath: formData.get("callbackUrl") });
    return { status: "done", message: `We have sent a sign-in link to ${email}. It works once, for one hour.` };
  } catch (error) {
    const known = explainError(error, "Sign-in request");
    return { status: "error", message: known.message, fields: known.fields ?? {} };
  }
}
