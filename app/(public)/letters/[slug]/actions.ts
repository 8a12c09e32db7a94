"use server";

import { headers } from "next/headers";
import { formTexts, requireFormData } from "@/lib/adapters/form-fields";
import { formFailure } from "@/lib/adapters/public-action";
import { submitSignature } from "@/lib/wiring/submit-signature";
import { displayFromForm } from "./display-field";
import type { TSignFormState, TSignFormValues } from "./sign-form-state";

/** The sign form's server action: the same domain function as the JSON API, then the form's state. */
export async function signLetterAction(slug: string, _state: TSignFormState, posted: FormData): Promise<TSignFormState> {
  const { anonymous, ...typed } = formTexts(posted, ["name", "email", "display", "anonymous", "title", "team", "comment"]);
  const display = displayFromForm(typed.display, anonymous);
  const values: TSignFormValues = { ...typed, display: typeof display === "object" ? `at:${display.nameAt}` : display };
  try {
    requireFormData(posted);
    await submitSignature(
      slug,
      {
        name: values.name,
        email: values.email,
        display,
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
