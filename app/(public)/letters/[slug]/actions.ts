"use server";

import { headers } from "next/headers";
import { explainError } from "@/lib/errors/to-app-error";
import { requireFormData } from "@/lib/server/require-form-data";
import { submitSignature } from "@/lib/server/submit-signature";
import type { TSignFormState, TSignFormValues } from "./sign-form-state";

const text = (formData: FormData | undefined, name: string) => {
  const value = formData?.get(name);
  return typeof value === "string" ? value : "";
};

/** The sign form's server action: the same domain function as the JSON API, then the form's state. */
export async function signLetterAction(slug: string, _state: TSignFormState, posted: FormData): Promise<TSignFormState> {
  const formData = posted instanceof FormData ? posted : undefined;
  const values: TSignFormValues = {
    name: text(formData, "name"),
    email: text(formData, "email"),
    anonymous: text(formData, "anonymous") === "true",
    title: text(formData, "title"),
    team: text(formData, "team"),
    comment: text(formData, "comment"),
  };
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
    const known = explainError(error, "Signing");
    return {
      status: "error",
      message: known.code === "INTERNAL" ? "Something went wrong on our side. Your signature was not recorded; please try again." : known.message,
      fields: known.fields ?? {},
      values,
    };
  }
}
