import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";
import { ZSlug } from "@/lib/letters/slug";

/**
 * Shared caches (a CDN in front of the app) may keep public answers briefly and serve them a
 * while longer as they refresh them, so a viral letter's traffic lands on the CDN, not on us.
 */
export const CACHE_CONTROL = {
  /** Lists, letters, signatures. */
  standard: "public, max-age=0, s-maxage=10, stale-while-revalidate=60",
  /** The count: fresh within a couple of seconds even through a CDN. */
  count: "public, max-age=0, s-maxage=1, stale-while-revalidate=4",
  /** The API description changes only with a deployment. */
  document: "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
} as const;

/** Open data: any site may read it from a browser. */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Expose-Headers": "Retry-After",
  "Access-Control-Max-Age": "86400",
} as const;

export function apiJson(body: unknown, cacheControl: string, status = 200): Response {
  return Response.json(body, { status, headers: { ...CORS_HEADERS, "Cache-Control": cacheControl } });
}

/** The answer to a CORS preflight: any origin may call the API. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** The API's error body for any failure, open to other origins, never cached (a 404 may be a letter published a minute later). */
export function apiError(error: unknown, context: string): Response {
  const response = errorResponse(error, context);
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/** Runs a GET handler, answering any failure with `apiError`. */
export async function apiGet(context: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    return apiError(error, context);
  }
}

/** A slug from the path, or LETTER_NOT_FOUND: nothing that is not a slug can name a letter. */
export function parseSlug(raw: string): string {
  const slug = ZSlug.safeParse(raw);
  if (!slug.success) throw new AppError("LETTER_NOT_FOUND");
  return slug.data;
}

/** `?limit=`, between 1 and `max`; absent means `fallback`. */
export function parseLimit(params: URLSearchParams, fallback: number, max: number): number {
  const raw = params.get("limit");
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError("INVALID_INPUT", { message: "The limit is not valid.", fields: { limit: [`Use a whole number from 1 to ${max}.`] } });
  }
  return value;
}
