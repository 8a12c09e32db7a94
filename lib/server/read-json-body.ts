import "server-only";
import { AppError } from "@/lib/errors/app-error";

// Far above any honest submission (a name, an address, a comment of 1,000 characters), and
// checked before the body is parsed, so a flood of huge bodies costs us little.
const MAX_BODY_BYTES = 16 * 1024;

/** A JSON API request's body: one JSON object of at most 16 KB, or a 413 / 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  try {
    const body: unknown = JSON.parse(raw);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("MALFORMED_REQUEST");
    return body;
  } catch (error) {
    throw error instanceof AppError ? error : new AppError("MALFORMED_REQUEST");
  }
}
