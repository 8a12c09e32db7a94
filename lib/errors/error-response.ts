import { explainError } from "./to-app-error";

/**
 * The JSON API's error body, `{ "error": { code, message, fields? } }`, with its status and a
 * Retry-After where one applies. A bug is logged with its context and answered generically.
 */
export function errorResponse(error: unknown, context: string): Response {
  const known = explainError(error, context);
  return Response.json(
    { error: { code: known.code, message: known.message, ...(known.fields ? { fields: known.fields } : {}) } },
    { status: known.status, headers: known.retryAfterSeconds ? { "Retry-After": String(known.retryAfterSeconds) } : {} },
  );
}
