"use server";

import { headers } from "next/headers";
import { formTexts, requireFormData } from "@/lib/adapters/form-fields";
import { formFailure } from "@/lib/adapters/public-action";
import { submitSignature } from "@/lib/wiring/submit-signature";
import type { TSignFormState, TSignFormValues } from "./sign-form-state";

/** The sign form's server action: the same domain function as the JSON API, then the form's state. */
export async function signLetterAction(slug: string, _state: TSignFormState, posted: FormData): Promise<TSignFormState> {
  const typed = formTexts(posted, ["name", "email", "anonymous", "title", "team", "comment"]);
  const values: TSignFormValues = { ...typed, anonymous: typed.anonymous === "true" };
  try {
    requireFormData(posted);
    await submitSignature(
      slug,
      {
        name: values.name,
        email: values.email,
        anonymous: values.anonymous,
        title: values.title || undefined,
        team: values.team || undefined,
        comment: values.comment || undefined,
      },
      await headers(),
    );
    return { status: "pending" };
  } catch (error) {
    const bugMessage = "Something went wrong on our side. Your signature was not recorded; please try again.";
    return { ...formFailure(error, "Signing", { bugMessage }), values };
  }
}
