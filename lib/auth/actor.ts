import { z } from "zod";

/** Who is acting: a signed-in user, with whether the platform's settings make them an admin. */
export type TActor = { userId: string; email: string; isAdmin: boolean };

/** An organiser's own address, in the one form we compare and store it in. */
export const ZOrganiserEmail = z
  .string()
  .trim()
  .max(254, "That address is too long.")
  .toLowerCase()
  .pipe(z.email("Enter an email address, like name@example.com."));

/** ADMIN_EMAILS as a set of normalised addresses: comma- or whitespace-separated. */
export function parseAdminEmails(value: string | undefined): ReadonlySet<string> {
  const addresses = (value ?? "").split(/[\s,]+/).filter(Boolean);
  return new Set(addresses.map((address) => address.trim().toLowerCase()));
}

export function actorFor(user: { id: string; email: string }, adminEmails: ReadonlySet<string>): TActor {
  const email = user.email.toLowerCase();
  return { userId: user.id, email, isAdmin: adminEmails.has(email) };
}
