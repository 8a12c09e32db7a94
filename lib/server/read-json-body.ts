import "server-only";
import { MAX_JSON_BODY_BYTES, parseJsonObject } from "@/lib/api/json-body";
import { AppError } from "@/lib/errors/app-error";

/** A JSON API request's body: one JSON object of at most 16 KB, or a 413 / 400 (checked before reading when the length is declared). */
export async function readJsonBody(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  return parseJsonObject(await request.text());
}
