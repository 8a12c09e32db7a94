import { z } from "zod";

/** Why signatures were invalidated: required, because co-organisers (and later the signer's
 * questions) deserve an answer in the activity log. */
export const ZInvalidationReason = z
  .string({ error: "Give a reason." })
  .trim()
  .min(3, "Give a reason (at least 3 characters).")
  .max(500, "A reason can be at most 500 characters.");
