import { AppError } from "@/lib/errors/app-error";
import { API_BODY_LIMIT_BYTES } from "@/lib/pipeline/request-guard";

// Far above any honest submission (a name, an address, a comment of 1,000 characters); the
// production server refuses a longer Content-Length before reading a byte (request-guard.ts).
export const MAX_JSON_BODY_BYTES = API_BODY_LIMIT_BYTES;

/** A JSON API request's body text: one JSON object of at most 16 KB, or a 413 / 400. */
export function parseJsonObject(raw: string): unknown {
  if (Buffer.byteLength(raw) > MAX_JSON_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("MALFORMED_REQUEST");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("MALFORMED_REQUEST");
  return body;
}
