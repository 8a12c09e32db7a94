import { z } from "zod";

/** A letter's URL name: lower-case words joined by single hyphens. */
export const ZSlug = z
  .string()
  .min(3, "Use at least 3 characters.")
  .max(80, "Use at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens only.");
