import { z } from "zod";
import { ZSignatureInput } from "./signature-input";

/**
 * What a signer who will not receive mail at work submits: everything the ordinary form asks
 * but the address, and instead the domain they claim (checked by the organisers, not by us).
 */
export const ZOrganiserClaimInput = ZSignatureInput.omit({ email: true }).extend({
  domain: z.string({ error: "Choose the domain of your employer." }).trim().min(1, "Choose the domain of your employer.").max(253, "That domain is too long."),
});

export type TOrganiserClaimInput = z.input<typeof ZOrganiserClaimInput>;
