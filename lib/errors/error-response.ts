import { APP_ERRORS, type AppError } from "./app-error";
import { explainError } from "./to-app-error";

/**
 * The message an API client reads. A form's "Please correct the highlighted fields" means
 * nothing to a script: the API names the fields instead (each one's problem is in `fields`).
 */
function apiMessage(known: AppError): string {
  if (known.code !== "INVALID_INPUT" || known.message !== APP_ERRORS.INVALID_INPUT.message) return known.message;
  const names = Object.keys(known.fields ?? {});
  return names.length > 0 ? `Invalid request fields: ${names.join(", ")}. See \`fields\` for each one's problem.` : "The request is not valid.";
}

/**
 * The JSON API's error body, `{ "error": { code, message, fields? } }`, with its status and a
 * Retry-After where one applies. A bug is logged with its context and answered generically.
 */
export function errorResponse(error: unknown, context: string): Response {
  const known = explainError(error, context);
  return Response.json(
    { error: { code: known.code, message: apiMessage(known), ...(known.fields ? { fields: known.fields } : {}) } },
    { status: known.status, headers: known.retryAfterSeconds ? { "Retry-After": String(known.retryAfterSeconds) } : {} },
  );
}
