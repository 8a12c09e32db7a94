import { explainError } from "@/lib/errors/to-app-error";

/** What a form shows after its action failed: a message, and each field's problems. */
export type TFormFailure = { status: "error"; message: string; fields: Record<string, string[]> };

/**
 * The one way a server action's failure becomes its form's state, for every form (the public
 * ones, sign-in, and, through organiser-action.ts, the organisers'). An expected failure shows
 * its own message and fields; a bug is logged with `context` and shows a generic message, or
 * `bugMessage` where the form should say what was not done ("Your signature was not recorded").
 */
export function formFailure(error: unknown, context: string, options: { bugMessage?: string } = {}): TFormFailure {
  const known = explainError(error, context);
  const message = known.code === "INTERNAL" && options.bugMessage ? options.bugMessage : known.message;
  return { status: "error", message, fields: known.fields ?? {} };
}
