import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { APP_ERRORS, type TAppErrorCode } from "@/lib/errors/app-error";

/**
 * The JSON API's error body (`{ "error": { code, message } }`, as lib/adapters/api-answer.ts
 * gives route handlers) written straight to a Node response, for refusals the production server
 * makes before Next runs.
 */
export function writeAppError(response: ServerResponse, code: TAppErrorCode, headers: OutgoingHttpHeaders = {}): void {
  const { status, message } = APP_ERRORS[code];
  const body = JSON.stringify({ error: { code, message } });
  response.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), ...headers });
  response.end(body);
}
