import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { bodyChunkBytes } from "./body-chunk";

/**
 * Next's site-wide 404 page is rendered once, at build time, when no request (and so no nonce
 * placeholder, see script-nonces.ts) exists: its scripts carry no nonce, the page policy refuses
 * every one of them, and the browser logs a refusal for each. The page is a heading and a link;
 * it needs no script. So a 404 page that carries no placeholder is served without its scripts,
 * under a policy that allows none (`policy`); a 404 rendered for a request (a letter page's
 * `notFound()`) has the placeholder, keeps its scripts and passes through as it is.
 *
 * Deciding needs the whole body, so a 404 page is held until it ends. Such pages are a few tens
 * of kilobytes; one beyond `MAX_HELD_BYTES` is let through unchanged rather than held.
 */
const MAX_HELD_BYTES = 512 * 1024;

type TWriteArgs = [chunk?: unknown, encoding?: unknown, callback?: unknown];

/** Every `<script>` element and every hint to fetch a script, from HTML the build wrote (not input). */
export function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*\/?>/gi, "");
}

/**
 * Installed after the nonce substitution (so that it sees Next's bytes, placeholder and all,
 * and its output still goes through the substitution and compression).
 */
export function serveNotFoundWithoutScripts(response: ServerResponse, options: { placeholder: string; policy: string }): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const write = response.write.bind(response) as (...args: TWriteArgs) => boolean;
  const end = response.end.bind(response) as (...args: TWriteArgs) => ServerResponse;
  let held: Buffer[] | null | undefined; // undefined: not decided; null: passing through
  let heldBytes = 0;

  /** The chunks held so far, or null once passing through (decided at the first call). */
  const decide = (): Buffer[] | null => {
    if (held === undefined) {
      const html = /^text\/html\b/i.test(String(response.getHeader("content-type") ?? ""));
      held = response.statusCode === 404 && html && !response.headersSent ? [] : null;
    }
    return held;
  };
  const release = () => {
    const chunks = held ?? [];
    held = null;
    return Buffer.concat(chunks);
  };

  // Headers given to writeHead are set on the response instead, and the head itself is left to
  // the first write: until the body is known, its length and policy may still change.
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    const headers = rest.find((value) => typeof value === "object" && value !== null) as OutgoingHttpHeaders | unknown[] | undefined;
    const reason = rest.find((value) => typeof value === "string") as string | undefined;
    response.statusCode = statusCode;
    if (reason) response.statusMessage = reason;
    if (Array.isArray(headers)) {
      for (let index = 0; index + 1 < headers.length; index += 2) response.setHeader(String(headers[index]), headers[index + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    }
    if (decide() === null) return writeHead(statusCode);
    return response;
  }) as ServerResponse["writeHead"];

  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const chunks = decide();
    if (chunks === null || chunk == null) return write(chunk, encoding, callback);
    const bytes = bodyChunkBytes(chunk, encoding);
    chunks.push(bytes);
    heldBytes += bytes.length;
    if (heldBytes > MAX_HELD_BYTES) return write(release(), typeof encoding === "function" ? encoding : callback);
    if (typeof encoding === "function") (encoding as () => void)();
    else if (typeof callback === "function") (callback as () => void)();
    return true;
  }) as ServerResponse["write"];

  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    const chunks = decide();
    if (chunks === null) return end(chunk, encoding, callback);
    const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
    if (chunk != null && typeof chunk !== "function") chunks.push(bodyChunkBytes(chunk, encoding));
    const body = release();
    if (body.includes(options.placeholder)) return end(body, done);
    const stripped = Buffer.from(withoutScripts(body.toString("utf8")));
    response.setHeader("Content-Security-Policy", options.policy);
    if (response.hasHeader("content-length")) response.setHeader("Content-Length", stripped.length);
    return end(stripped, done);
  }) as ServerResponse["end"];
}
