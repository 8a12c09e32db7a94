"use server";

import type { TActionState } from "@/lib/errors/action-state";
import { explainError } from "@/lib/errors/to-app-error";
import { queueSignInLink } from "@/lib/server/auth";
import { requireFormData } from "@/lib/server/require-form-data";

/** Queues a sign-in link; every address gets the same answer (see requestSignInLink). */
export async function requestSignInAction(_state: TActionState, posted: FormData): Promise<TActionState> {
  try {
    const formData = requireFormData(posted);
    const { email } = await queueSignInLink({ email: formData.get("email"), callbackPath: formData.get("callbackUrl") });
    return { status: "done", message: `We have sent a sign-in link to ${email}. It works once, for one hour.` };
  } catch (error) {
    const known = explainError(error, "Sign-in request");
    return { status: "error", message: known.message, fields: known.fields ?? {} };
  }
}
