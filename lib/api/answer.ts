import type { ServerResponse } from "node:http";
import { APP_ERRORS, type AppError } from "@/lib/errors/app-error";
import { explainError } from "@/lib/errors/to-app-error";

/**
 * A JSON API answer as plain data, so one function can decide it and either side can send it:
 * the route handler as a `Response`, the production server's fast path straight to Node's
 * response (lib/pipeline/hot-post-fast-path.ts). Neither side adds or changes anything.
 */
export type TApiAnswer = { status: number; headers: Record<string, string>; body: unknown };

/**
 * The JSON API's error answer, `{ "error": { code, message, fields? } }`, with its status and a
 * Retry-After where one applies. A bug is logged with its context and answered generically.
 */
export function errorAnswer(error: unknown, context: string, headers: Record<string, string> = {}): TApiAnswer {
  const known = explainError(error, context);
  return {
    status: known.status,
    headers: { ...headers, ...(known.retryAfterSeconds ? { "Retry-After": String(known.retryAfterSeconds) } : {}) },
    body: { error: { code: known.code, message: apiMessage(known), ...(known.fields ? { fields: known.fields } : {}) } },
  };
}

/**
 * The message an API client reads. A form's "Please correct the highlighted fields" means
 * nothing to a script: the API names the fields instead (each one's problem is in `fields`).
 */
function apiMessage(known: AppError): string {
  if (known.code !== "INVALID_INPUT" || known.message !== APP_ERRORS.INVALID_INPUT.message) return known.message;
  const names = Object.keys(known.fields ?? {});
  return names.length > 0 ? `Invalid request fields: ${names.join(", ")}. See \`fields\` for each one's problem.` : "The request is not valid.";
}

export function answerResponse(answer: TApiAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export function writeAnswer(response: ServerResponse, answer: TApiAnswer): void {
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...answer.headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  response.end(body);
}
