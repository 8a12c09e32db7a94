import { z } from "zod";
import { ZSignatureFields } from "./signature-input";

/**
 * What a signer who will not receive mail at work submits: everything the ordinary form asks
 * but the address, and instead the domain they claim (checked by the organisers, not by us).
 */
export const ZOrganiserClaimInput = ZSignatureFields.omit({ email: true, display: true }).extend({
  // No threshold on this path: the name is shown, or not.
  anonymous: z.boolean({ error: "Must be true or false: true signs anonymously." }),
  domain: z.string({ error: "Choose the domain of your employer." }).trim().min(1, "Choose the domain of your employer.").max(253, "That domain is too long."),
});

export type TOrganiserClaimInput = z.input<typeof ZOrganiserClaimInput>;
