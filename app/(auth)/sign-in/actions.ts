"use server";

import { headers } from "next/headers";
import { appUrlOriginMismatch } from "@/lib/config/app-url-check";
import { getEnv } from "@/lib/config/env";
import type { TActionState } from "@/lib/errors/action-state";
import { AppError } from "@/lib/errors/app-error";
import { formText, requireFormData } from "@/lib/adapters/form-fields";
import { formFailure } from "@/lib/adapters/public-action";
import { queueSignInLink } from "@/lib/wiring/auth";

/** Queues a sign-in link; every address gets the same answer (see requestSignInLink). */
export async function requestSignInAction(_state: TActionState, posted: FormData): Promise<TActionState> {
  try {
    const formData = requireFormData(posted);
    // Before any token exists: a link sent from here would lead to APP_URL, and signing in at
    // this address would fail after the token was spent (see lib/config/app-url-check.ts).
    const mismatch = appUrlOriginMismatch(getEnv().APP_URL, (await headers()).get("origin"));
    if (mismatch) throw new AppError("WRONG_SITE_ADDRESS", { message: mismatch });
    const { email } = await queueSignInLink({ email: formText(formData, "email"), callbackPath: formText(formData, "callbackUrl") });
    return { status: "done", message: `We have sent a sign-in link to ${email}. It works once, for one hour.` };
  } catch (error) {
    return formFailure(error, "Sign-in request");
  }
}
