import { AppError } from "@/lib/errors/app-error";

/**
 * A server action's form, as posted. A form posted without JavaScript carries the action's
 * arguments in a field the client can rewrite (`$ACTION_1:1`), so the argument meant to be the
 * FormData may be anything, or missing; an action that read it blindly failed as a bug would.
 */
export function requireFormData(value: unknown): FormData {
  if (!(value instanceof FormData)) throw new AppError("FORM_UNREADABLE");
  return value;
}
