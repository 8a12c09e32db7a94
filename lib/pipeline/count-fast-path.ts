import type { IncomingMessage, ServerResponse } from "node:http";
import type { TCountSnapshot } from "@/lib/counts/count-snapshots";
import { CACHE_CONTROL, CORS_HEADERS } from "@/lib/adapters/api-answer";

const COUNT_PATH = /^\/api\/v1\/letters\/([a-z0-9]+(?:-[a-z0-9]+)*)\/count\/?(?:\?.*)?$/;

/** What the fast path needs of a process's counts: a snapshot it holds fresh, or nothing. */
export type TCountPeek = (slug: string) => TCountSnapshot | undefined;

/**
 * GET /api/v1/letters/{slug}/count answered by the Node server itself, before Next: the same
 * body and headers as the route handler (app/api/v1/letters/[slug]/count/route.ts), from the
 * same in-memory snapshot, without the framework's request pipeline, which costs about fifty
 * times a bare response on this endpoint. Returns false for anything else, and for a letter
 * this process holds no fresh snapshot of: the route handler then loads it, and later requests
 * come here.
 */
export function serveCountFromMemory(request: IncomingMessage, response: ServerResponse, peek: TCountPeek | undefined): boolean {
  if (!peek || (request.method !== "GET" && request.method !== "HEAD")) return false;
  const slug = COUNT_PATH.exec(request.url ?? "")?.[1];
  if (!slug) return false;
  const snapshot = peek(slug);
  if (!snapshot) return false;
  const { body, headers } = encoded(snapshot);
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

// A snapshot is replaced, never changed, when the counts move (count-hub.ts), and thousands of
// polls read each one: its body and headers are built once, with the snapshot, not per request.
const encodings = new WeakMap<TCountSnapshot, { body: string; headers: Record<string, string | number> }>();
function encoded(snapshot: TCountSnapshot) {
  let encoding = encodings.get(snapshot);
  if (!encoding) {
    // A string, not a Buffer: Node then sends the head and body in one write rather than a writev of two.
    const body = JSON.stringify(snapshot);
    const headers = { ...CORS_HEADERS, "Cache-Control": CACHE_CONTROL.count, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) };
    encodings.set(snapshot, (encoding = { body, headers }));
  }
  return encoding;
}
