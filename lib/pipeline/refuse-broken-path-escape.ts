import type { IncomingMessage, ServerResponse } from "node:http";
import { UNCACHED_API_HEADERS } from "@/lib/adapters/api-answer";
import { APP_ERRORS } from "@/lib/errors/app-error";
import { writeAppError } from "./write-app-error";

/** Whether a request target's path holds a %-escape that does not decode: `%ZZ`, a cut-off `%E0%A4`, bytes that are not UTF-8. */
export function hasBrokenPathEscape(target: string): boolean {
  try {
    decodeURIComponent(target.split("?", 1)[0] ?? "");
    return false;
  } catch {
    return true;
  }
}

/**
 * Answers 400 MALFORMED_URL, before Next, to a request whose path does not decode. Next answers
 * one whose broken escape sits in a dynamic segment (`/letters/%ZZ`, `/api/v1/letters/%ff`)
 * with a bare 500, logged nowhere: an error anyone could trigger at will, and indistinguishable
 * from a real failure to monitoring. Returns false, doing nothing, for any other request.
 */
export function refuseBrokenPathEscape(request: IncomingMessage, response: ServerResponse): boolean {
  const target = request.url ?? "/";
  if (!hasBrokenPathEscape(target)) return false;
  if (target.startsWith("/api/")) {
    writeAppError(response, "MALFORMED_URL", UNCACHED_API_HEADERS);
    return true;
  }
  const { message } = APP_ERRORS.MALFORMED_URL;
  response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(message) });
  // Node sends no body in answer to a HEAD, whatever is written.
  response.end(message);
  return true;
}
