"use server";

import { revalidatePath } from "next/cache";
import type { TActionState } from "@/lib/errors/action-state";
import { rejectOrganiserCode, verifyOrganiserCode } from "@/lib/moderation/decide-organiser-code";
import { lookUpOrganiserCode } from "@/lib/moderation/look-up-organiser-code";
import { formText } from "@/lib/adapters/form-fields";
import { runLetterAction, runLetterActionForResult } from "@/lib/adapters/organiser-action";
import type { TLookupState } from "./verify-state";

export async function lookUpCodeAction(letterId: string, _state: TLookupState, formData: FormData): Promise<TLookupState> {
  const outcome = await runLetterActionForResult(lookUpOrganiserCode, letterId, { code: formText(formData, "code") });
  if (!outcome.ok) return outcome.state;
  const { claim, recentlyVerified } = outcome.result;
  return {
    status: "claim",
    claim: { ...claim, submittedAt: claim.submittedAt.toISOString(), expiresAt: claim.expiresAt.toISOString() },
    recentlyVerified: recentlyVerified.map((signer) => ({ ...signer, confirmedAt: signer.confirmedAt.toISOString() })),
  };
}

export async function verifyCodeAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(
    verifyOrganiserCode,
    letterId,
    { code: formText(formData, "code") },
    ({ domain }) => `Verified: the signature at @${domain} counts now, shown as “verified by organisers”.`,
  );
  revalidatePath(`/organise/letters/${letterId}/verify`);
  return state;
}

export async function rejectCodeAction(letterId: string, _state: TActionState, formData: FormData): Promise<TActionState> {
  const state = await runLetterAction(
    rejectOrganiserCode,
    letterId,
    { code: formText(formData, "code"), reason: formText(formData, "reason") },
    () => "Rejected: the claim will never count, and its code is spent.",
  );
  revalidatePath(`/organise/letters/${letterId}/verify`);
  return state;
}
