import { randomBytes } from "node:crypto";
import { z } from "zod";

/** A letter's URL name: lower-case words joined by single hyphens. */
export const ZSlug = z
  .string()
  .min(3, "Use at least 3 characters.")
  .max(80, "Use at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens only.");

/** "Cancel ICE contracts!" → "cancel-ice-contracts-4f2a": readable, and unique without a lookup. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const suffix = randomBytes(2).toString("hex");
  return words.length >= 3 ? `${words}-${suffix}` : `letter-${suffix}`;
}
