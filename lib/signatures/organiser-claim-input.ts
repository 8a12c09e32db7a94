import { z } from "zod";
import { ZSignatureFields } from "./signature-input";

/**
 * What a signer who will not receive mail at work submits: everything the ordinary form asks
 * but the address, and instead the domain they claim (checked by the organisers, not by us).
 */
export const ZOrganiserClaimInput = ZSignatureFields.omit({ email: true })
  .extend({
    // How the signature appears, as on the ordinary form (`display`, with its thresholds), or, as
    // this path first took it, `anonymous`.
    anonymous: z.boolean({ error: "Must be true or false: true signs anonymously." }).optional(),
    domain: z
      .string({ error: "Choose the domain of your employer." })
      .trim()
      .min(1, "Choose the domain of your employer.")
      .max(253, "That domain is too long."),
  })
  .refine((input) => input.display !== undefined || input.anonymous !== undefined, { path: ["display"], message: "Choose how your signature should appear." });

export type TOrganiserClaimInput = z.input<typeof ZOrganiserClaimInput>;
