"use server";

import { headers } from "next/headers";
import { getEnv } from "@/lib/config/env";
import { explainError } from "@/lib/errors/to-app-error";
import { receiptPath } from "@/lib/signatures/receipt/issue-receipt";
import { requireFormData } from "@/lib/server/require-form-data";
import { submitOrganiserClaim } from "@/lib/server/submit-organiser-claim";
import { formatOrganiserCode } from "@/lib/signatures/organiser-code";
import type { TClaimFormState, TClaimFormValues } from "./claim-form-state";

const text = (formData: FormData | undefined, name: string) => {
  const value = formData?.get(name);
  return typeof value === "string" ? value : "";
};

/** The organiser-verification form's server action: a claim and its code, or the form's errors. */
export async function claimOrganiserVerificationAction(slug: string, _state: TClaimFormState, posted: FormData): Promise<TClaimFormState> {
  const formData = posted instanceof FormData ? posted : undefined;
  const values: TClaimFormValues = {
    name: text(formData, "name"),
    anonymous: text(formData, "anonymous") === "true",
    domain: text(formData, "domain"),
    title: text(formData, "title"),
    team: text(formData, "team"),
    comment: text(formData, "comment"),
  };
  try {
    requireFormData(posted);
    const claim = await submitOrganiserClaim(
      slug,
      {
        name: values.name,
        anonymous: values.anonymous,
        domain: values.domain,
        title: values.title || undefined,
        team: values.team || undefined,
        comment: values.comment || undefined,
      },
      await headers(),
    );
    return {
      status: "code",
      code: formatOrganiserCode(claim.code),
      expiresAt: claim.expiresAt.toISOString(),
      instructions: claim.instructions,
      receiptUrl: `${getEnv().APP_URL}${receiptPath(claim.receipt)}`,
    };
  } catch (error) {
    const known = explainError(error, "Organiser-verification claim");
    return {
      status: "error",
      message: known.code === "INTERNAL" ? "Something went wrong on our side. Nothing was recorded; please try again." : known.message,
      fields: known.fields ?? {},
      values,
    };
  }
}
