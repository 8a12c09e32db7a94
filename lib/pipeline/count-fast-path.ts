import type { IncomingMessage, ServerResponse } from "node:http";
import type { TCountSnapshot } from "@/lib/counts/count-snapshots";
import { CACHE_CONTROL, CORS_HEADERS } from "@/lib/adapters/api-answer";
import type { TSecurityHeaderList } from "./security-headers";

const COUNT_PATH = /^\/api\/v1\/letters\/([a-z0-9]+(?:-[a-z0-9]+)*)\/count\/?(?:\?.*)?$/;

/** What the fast path needs of a process's counts: a snapshot it holds fresh, or nothing. */
export type TCountPeek = (slug: string) => TCountSnapshot | undefined;

/**
 * GET /api/v1/letters/{slug}/count answered by the Node server itself, before Next: the same
 * body and headers as the route handler (app/api/v1/letters/[slug]/count/route.ts), from the
 * same in-memory snapshot, without the framework's request pipeline, which costs many times a
 * bare response here (`npm run bench` reports the ratio, countVsNextFloor). Returns false for anything else, and for a letter
 * this process holds no fresh snapshot of: the route handler then loads it, and later requests
 * come here. `security` are the path's security headers (security-headers.ts), which this answer
 * writes with its own in one go rather than finding them set on the response: the count is the
 * most frequent request there is, and setting fourteen headers one by one, each validated twice,
 * was a tenth of its cost.
 */
export function serveCountFromMemory(request: IncomingMessage, response: ServerResponse, peek: TCountPeek | undefined, security: TSecurityHeaderList): boolean {
  if (!peek || (request.method !== "GET" && request.method !== "HEAD")) return false;
  const slug = COUNT_PATH.exec(request.url ?? "")?.[1];
  if (!slug) return false;
  const snapshot = peek(slug);
  if (!snapshot) return false;
  const { body, headers } = encoded(snapshot, security);
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

// A snapshot is replaced, never changed, when the counts move (count-hub.ts), and thousands of
// polls read each one: its body and headers are built once, with the snapshot, not per request
// (once per list of security headers, of which a process has at most two on this path).
type TEncoding = { body: string; headers: string[] };
const encodings = new WeakMap<TCountSnapshot, Map<TSecurityHeaderList, TEncoding>>();
function encoded(snapshot: TCountSnapshot, security: TSecurityHeaderList): TEncoding {
  let bySecurity = encodings.get(snapshot);
  if (!bySecurity) encodings.set(snapshot, (bySecurity = new Map()));
  let encoding = bySecurity.get(security);
  if (!encoding) {
    // A string, not a Buffer: Node then sends the head and body in one write rather than a writev of two.
    const body = JSON.stringify(snapshot);
    bySecurity.set(security, (encoding = { body, headers: countAnswerHeaders(body, security) }));
  }
  return encoding;
}

/**
 * The count answer's headers for `body`, in Node's flat form (name, value, name, value): the
 * path's security headers, then its own. Also what `npm run bench` gives a bare Node server,
 * to tell what these bytes cost from what the app's code costs (bench/support/bare-count-server.ts).
 */
export function countAnswerHeaders(body: string, security: TSecurityHeaderList): string[] {
  const own = {
    ...CORS_HEADERS,
    "Cache-Control": CACHE_CONTROL.count,
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
  };
  return [...security, ...Object.entries(own)].flat();
}
