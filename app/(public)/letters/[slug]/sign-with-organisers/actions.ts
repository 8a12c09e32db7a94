"use server";

import { headers } from "next/headers";
import { getEnv } from "@/lib/config/env";
import { receiptPath } from "@/lib/signatures/receipt/issue-receipt";
import { formTexts, requireFormData } from "@/lib/adapters/form-fields";
import { formFailure } from "@/lib/adapters/public-action";
import { submitOrganiserClaim } from "@/lib/wiring/submit-organiser-claim";
import { formatOrganiserCode } from "@/lib/signatures/organiser-code";
import { displayFromForm } from "../display-field";
import type { TClaimFormState, TClaimFormValues } from "./claim-form-state";

/** The organiser-verification form's server action: a claim and its code, or the form's errors. */
export async function claimOrganiserVerificationAction(slug: string, _state: TClaimFormState, posted: FormData): Promise<TClaimFormState> {
  const { anonymous, ...typed } = formTexts(posted, ["name", "display", "anonymous", "domain", "title", "team", "comment"]);
  const display = displayFromForm(typed.display, anonymous);
  const values: TClaimFormValues = { ...typed, display: typeof display === "object" ? `at:${display.nameAt}` : display };
  try {
    requireFormData(posted);
    const claim = await submitOrganiserClaim(
      slug,
      {
        name: values.name,
        display,
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
    const bugMessage = "Something went wrong on our side. Nothing was recorded; please try again.";
    return { ...formFailure(error, "Organiser-verification claim", { bugMessage }), values };
  }
}
