import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { bodyChunkBytes } from "./body-chunk";

/**
 * Public pages held for a second in front of Next (the request pipeline's step 7b).
 *
 * A viral letter's page is read thousands of times a second, and Next serves every one of them
 * from its own cache (the page revalidates every 5 s): the same bytes, through its whole routing
 * and rendering pipeline, at about the cost of its trivial API route. This keeps those bytes for
 * one second and replays them without Next.
 *
 * What may be held is only what Next itself holds and serves to every visitor alike: a 200 to
 * a GET that Next answered from its full-route cache (`x-nextjs-cache` HIT, or MISS for the
 * render that fills it; never STALE, which Next is already replacing), that we tell shared
 * caches they may keep (`Cache-Control: public`, where a CDN may keep it ten times longer), that
 * sets no cookie and varies on no request header but those in the key. So nothing personal can
 * be held, and a page is at most a second older than Next's own copy.
 *
 * Held are the bytes Next wrote, with the secret nonce placeholder in them: each replay goes
 * through the same nonce swap and compression as a response from Next, so every visitor still
 * gets a fresh nonce and a policy to match (script-nonces.ts). An organiser's change revalidates
 * the letter's pages in Next and drops everything held here (lib/adapters/revalidate-letter.ts),
 * so the next view shows it, as it did without this cache.
 */
export type TPageCache = {
  /** Answers `request` from what is held, through `response`'s wrappers; false when nothing fresh is held. */
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  /** Watches Next answer `request`, and holds the answer if it may be held. */
  capture(request: IncomingMessage, response: ServerResponse): void;
  /** Forgets everything held, and anything being captured now. */
  drop(): void;
};

export type TPageCacheOptions = {
  ttlMs?: number;
  /** A made-up URL is never held (only 200s are), yet pages and their RSC payloads add up: a bound on both. */
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
};

/**
 * Request headers Next renders differently for (its `Vary`): the RSC payload of a client-side
 * navigation or prefetch is not the HTML document. A response that varies on anything else
 * (but Accept-Encoding, which compression after this step decides per request) is not held.
 */
const KEY_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;

/**
 * Headers that belong to one response, not to the page: the connection's and the framing's
 * (with those set per request before Next runs, they are not replayed). Also what the bench's
 * same-bytes server leaves out of a page it replays (bench/run.ts).
 */
export const PER_RESPONSE_HEADERS: ReadonlySet<string> = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** A page larger than this is not held: a letter page is about 60 KB. */
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

type TEntry = { expires: number; headers: [string, string | number | readonly string[]][]; body: Buffer };

export function createPageCache(options: TPageCacheOptions = {}): TPageCache {
  const { ttlMs = 1_000, maxEntries = 500, maxBytes = 64 * 1024 * 1024, now = Date.now } = options;
  const entries = new Map<string, TEntry>();
  let bytes = 0;
  // Bumped by drop(): a capture that began before a drop must not store what Next answered then.
  let generation = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };

  const store = (key: string, entry: TEntry) => {
    remove(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    // A Map iterates in insertion order: the oldest entries go first.
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      remove(oldest);
    }
  };

  return {
    serve(request, response) {
      if (request.method !== "GET" && request.method !== "HEAD") return false;
      const key = keyOf(request);
      const entry = entries.get(key);
      if (!entry) return false;
      if (entry.expires <= now()) {
        remove(key);
        return false;
      }
      for (const [name, value] of entry.headers) response.setHeader(name, value);
      response.setHeader("Content-Length", entry.body.length);
      response.statusCode = 200;
      // Through the response's own end, which the nonce swap and compression wrap.
      response.end(entry.body);
      return true;
    },

    capture(request, response) {
      if (request.method !== "GET") return;
      const key = keyOf(request);
      const startedIn = generation;
      const setBeforeNext = new Set(response.getHeaderNames());
      const chunks: Buffer[] = [];
      let size = 0;
      let abandoned = false;
      const take = (chunk: unknown, encoding: unknown) => {
        if (abandoned || chunk == null || typeof chunk === "function") return;
        let piece: Buffer;
        try {
          // A copy: the caller may reuse its buffer once written, and this is held for a second.
          piece = Buffer.from(bodyChunkBytes(chunk, encoding));
        } catch {
          return void (abandoned = true);
        }
        size += piece.length;
        if (size > MAX_ENTRY_BYTES) return void (abandoned = true);
        chunks.push(piece);
      };

      const write = response.write;
      const end = response.end;
      response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
        take(chunk, rest[0]);
        return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      } as ServerResponse["write"];
      response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
        take(chunk, rest[0]);
        if (!abandoned && startedIn === generation && mayHold(response)) {
          const headers = Object.entries(response.getHeaders() as OutgoingHttpHeaders)
            .filter(([name, value]) => value !== undefined && !setBeforeNext.has(name) && !PER_RESPONSE_HEADERS.has(name))
            .map(([name, value]) => [name, value] as TEntry["headers"][number]);
          store(key, { expires: now() + ttlMs, headers, body: Buffer.concat(chunks) });
        }
        return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
      } as ServerResponse["end"];
    },

    drop() {
      generation++;
      entries.clear();
      bytes = 0;
    },
  };
}

function keyOf(request: IncomingMessage): string {
  return [request.url ?? "/", ...KEY_HEADERS.map((name) => String(request.headers[name] ?? ""))].join("\n");
}

/** Whether Next's answer is one it serves to every visitor from its own cache (see the module's comment). */
function mayHold(response: ServerResponse): boolean {
  if (response.statusCode !== 200 || response.hasHeader("set-cookie")) return false;
  const nextCache = String(response.getHeader("x-nextjs-cache") ?? "").toUpperCase();
  if (nextCache !== "HIT" && nextCache !== "MISS") return false;
  const cacheControl = String(response.getHeader("cache-control") ?? "").toLowerCase();
  if (!/(^|,)\s*public\s*(,|$)/.test(cacheControl) || /no-store|private|no-cache/.test(cacheControl)) return false;
  const vary = String(response.getHeader("vary") ?? "")
    .toLowerCase()
    .split(",")
    .map((field) => field.trim())
    .filter(Boolean);
  return vary.every((field) => field === "accept-encoding" || (KEY_HEADERS as readonly string[]).includes(field));
}

/** The process's page cache, shared by the production server and the revalidation inside Next's bundle. */
export function processPageCache(): TPageCache | undefined {
  return (globalThis as { undersignedPageCache?: TPageCache }).undersignedPageCache;
}

export function installProcessPageCache(cache: TPageCache): void {
  (globalThis as { undersignedPageCache?: TPageCache }).undersignedPageCache = cache;
}
