import { toAppError } from "./to-app-error";

/**
 * The JSON API's error body, `{ "error": { code, message, fields? } }`, with its status and a
 * Retry-After where one applies. A bug is logged with its context and answered generically:
 * a raw exception never reaches a client.
 */
export function errorResponse(error: unknown, context: string): Response {
  const known = toAppError(error);
  if (!known) {
    console.error(`[undersigned] ${context} failed`, error);
    return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
  }
  return Response.json(
    { error: { code: known.code, message: known.message, ...(known.fields ? { fields: known.fields } : {}) } },
    { status: known.status, headers: known.retryAfterSeconds ? { "Retry-After": String(known.retryAfterSeconds) } : {} },
  );
}
