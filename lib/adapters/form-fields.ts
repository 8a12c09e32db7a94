import { AppError } from "@/lib/errors/app-error";

/**
 * Reading a posted form, the one way every server action does. Fields go to a zod schema as
 * they are (formFields) or, for a form that posts a JSON draft, as that JSON (jsonPayload); a
 * form that echoes what was typed back after an error reads its text fields (formTexts).
 */

/**
 * A server action's form, as posted. A form posted without JavaScript carries the action's
 * arguments in a field the client can rewrite (`$ACTION_1:1`), so the argument meant to be the
 * FormData may be anything, or missing; an action that read it blindly failed as a bug would.
 */
export function requireFormData(value: unknown): FormData {
  if (!(value instanceof FormData)) throw new AppError("FORM_UNREADABLE");
  return value;
}

/** A form's fields as a plain object for an action's schema, without React's own `$ACTION_…` fields. */
export function formFields(posted: unknown): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...requireFormData(posted)].filter(([key]) => !key.startsWith("$")));
}

/** One text field: what was typed, or "" where the field is absent or is a file. */
export function formText(posted: unknown, name: string): string {
  const value = posted instanceof FormData ? posted.get(name) : null;
  return typeof value === "string" ? value : "";
}

/** Several text fields by name, as formText reads each; for a form that shows them again after an error. */
export function formTexts<TName extends string>(posted: unknown, names: readonly TName[]): Record<TName, string> {
  return Object.fromEntries(names.map((name) => [name, formText(posted, name)])) as Record<TName, string>;
}

/** The JSON a client-side form (the letter editor) puts in its `payload` field; null if it is not JSON. */
export function jsonPayload(posted: unknown): unknown {
  try {
    return JSON.parse(formText(requireFormData(posted), "payload") || "null");
  } catch {
    return null;
  }
}
