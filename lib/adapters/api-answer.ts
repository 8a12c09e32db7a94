import type { ServerResponse } from "node:http";
import { APP_ERRORS, type AppError } from "@/lib/errors/app-error";
import { explainError } from "@/lib/errors/to-app-error";

/**
 * Shared caches (a CDN in front of the app) may keep public answers briefly and serve them a
 * while longer as they refresh them, so a viral letter's traffic lands on the CDN, not on us.
 */
export const CACHE_CONTROL = {
  /** Lists, letters, signatures, feeds, the badge. */
  standard: "public, max-age=0, s-maxage=10, stale-while-revalidate=60",
  /** The count: fresh within a couple of seconds even through a CDN. */
  count: "public, max-age=0, s-maxage=1, stale-while-revalidate=4",
  /** The API description changes only with a deployment. */
  document: "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
} as const;

export type TCacheKind = keyof typeof CACHE_CONTROL;

/**
 * Open data: any site may read it from a browser. These two are all the CORS protocol reads on
 * an actual answer; what a request may send, and for how long that holds, is the preflight's
 * (PREFLIGHT_HEADERS), and sent on every answer it was only bytes that every poll of the count paid.
 */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Retry-After",
} as const;

/** The answer to a CORS preflight (OPTIONS): the methods and headers any origin may send, for a day. */
export const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

/**
 * The headers of every public answer that must not be cached: errors (a 404 may be a letter
 * published a minute later) and state changes, open to other origins like the rest of the API.
 */
export const UNCACHED_API_HEADERS = { ...CORS_HEADERS, "Cache-Control": "no-store" } as const;

/**
 * A JSON API answer as plain data, so one function can decide it and either side can send it:
 * the route handler as a `Response`, the production server's fast path straight to Node's
 * response (lib/pipeline/hot-post-fast-path.ts). Neither side adds or changes anything.
 */
export type TApiAnswer = { status: number; headers: Record<string, string>; body: unknown };

/**
 * The JSON API's error answer, `{ "error": { code, message, fields? } }`, with its status and a
 * Retry-After where one applies. A bug is logged with its context and answered generically.
 */
export function errorAnswer(error: unknown, context: string, headers: Record<string, string> = {}): TApiAnswer {
  const known = explainError(error, context);
  return {
    status: known.status,
    headers: { ...headers, ...(known.retryAfterSeconds ? { "Retry-After": String(known.retryAfterSeconds) } : {}) },
    body: { error: { code: known.code, message: apiMessage(known), ...(known.fields ? { fields: known.fields } : {}) } },
  };
}

/**
 * The message an API client reads. A form's "Please correct the highlighted fields" means
 * nothing to a script: the API names the fields instead (each one's problem is in `fields`).
 */
function apiMessage(known: AppError): string {
  if (known.code !== "INVALID_INPUT" || known.message !== APP_ERRORS.INVALID_INPUT.message) return known.message;
  const names = Object.keys(known.fields ?? {});
  return names.length > 0 ? `Invalid request fields: ${names.join(", ")}. See \`fields\` for each one's problem.` : "The request is not valid.";
}

/** A success's answer: the body, open to any origin, cached as its kind of resource may be. */
export function jsonAnswer(body: unknown, cache: TCacheKind, status = 200): TApiAnswer {
  return { status, headers: { ...CORS_HEADERS, "Cache-Control": CACHE_CONTROL[cache] }, body };
}

/** Any failure's answer from a public route: the error body, open to any origin, never cached. */
export function publicErrorAnswer(error: unknown, context: string): TApiAnswer {
  return errorAnswer(error, context, UNCACHED_API_HEADERS);
}

/** errorAnswer as a Response, for route handlers (the organisers' routes among them). */
export function errorResponse(error: unknown, context: string): Response {
  return answerResponse(errorAnswer(error, context));
}

export function answerResponse(answer: TApiAnswer): Response {
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export function writeAnswer(response: ServerResponse, answer: TApiAnswer): void {
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...answer.headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  response.end(body);
}
