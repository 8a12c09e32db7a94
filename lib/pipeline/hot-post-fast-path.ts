import type { IncomingMessage, ServerResponse } from "node:http";
import { writeAppError } from "@/lib/pipeline/write-app-error";
import { API_BODY_LIMIT_BYTES } from "./request-guard";
import { writeAnswer, type TApiAnswer } from "@/lib/adapters/api-answer";

const SIGNATURE_PATH = /^\/api\/v1\/letters\/([a-z0-9]+(?:-[a-z0-9]+)*)\/signatures(?:\?.*)?$/;
const CONFIRMATION_PATH = /^\/api\/v1\/confirmations(?:\?.*)?$/;

/** What lib/adapters/hot-posts.ts registers from inside Next's bundle (see registerHotPosts). */
export type THotPostHandlers = {
  signature(slug: string, rawBody: string, headers: Headers): Promise<TApiAnswer>;
  confirmation(rawBody: string): Promise<TApiAnswer>;
};

/**
 * POST /api/v1/letters/{slug}/signatures and POST /api/v1/confirmations answered by the Node
 * server itself, before Next: a signing spike is thousands of these a second, and Next's route
 * pipeline cost more than the work. The answer comes from the very functions the route
 * handlers call (the handlers, registered from inside the bundle), so validation, limits and
 * error mapping exist once; this only reads the body and writes the answer. Called after the
 * request guard (cross-site, size) and the client address resolution. Returns false for
 * anything else, or before the handlers are registered: Next's route handlers then answer.
 */
export function serveHotPost(request: IncomingMessage, response: ServerResponse, handlers: THotPostHandlers | undefined): boolean {
  if (!handlers || request.method !== "POST") return false;
  const url = request.url ?? "";
  const slug = SIGNATURE_PATH.exec(url)?.[1];
  const isConfirmation = slug === undefined && CONFIRMATION_PATH.test(url);
  if (slug === undefined && !isConfirmation) return false;

  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  request.on("data", (chunk: Buffer) => {
    size += chunk.length;
    // The guard checked Content-Length; this holds whatever the client actually sends.
    if (size > API_BODY_LIMIT_BYTES && !refused) {
      refused = true;
      writeAppError(response, "PAYLOAD_TOO_LARGE", { Connection: "close" });
      request.destroy();
    } else if (!refused) chunks.push(chunk);
  });
  request.on("end", () => {
    if (refused) return;
    const raw = Buffer.concat(chunks).toString("utf8");
    const answering = slug !== undefined ? handlers.signature(slug, raw, toHeaders(request)) : handlers.confirmation(raw);
    answering.then(
      (answer) => writeAnswer(response, answer),
      (error: unknown) => {
        // The handlers answer every failure themselves; reaching this is a bug.
        console.error("[undersigned] Fast path failed", error);
        if (!response.headersSent) writeAppError(response, "INTERNAL");
      },
    );
  });
  return true;
}

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
