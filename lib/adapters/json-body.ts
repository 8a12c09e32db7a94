import { AppError } from "@/lib/errors/app-error";
import { API_BODY_LIMIT_BYTES } from "@/lib/pipeline/request-guard";

// The limit is the one the production server applies to Content-Length before reading a byte
// (request-guard.ts); here it also holds for chunked bodies and for `next dev`.

/** A JSON API request's body: one JSON object of at most 16 KB, or a 413 / 400 (checked before reading when the length is declared). */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > API_BODY_LIMIT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  return parseJsonObject(await request.text());
}

/** A JSON API request's body text: one JSON object of at most 16 KB, or a 413 / 400. */
export function parseJsonObject(raw: string): unknown {
  if (Buffer.byteLength(raw) > API_BODY_LIMIT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError("MALFORMED_REQUEST");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("MALFORMED_REQUEST");
  return body;
}
