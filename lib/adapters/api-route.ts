import { AppError } from "@/lib/errors/app-error";
import { ZSlug } from "@/lib/letters/slug";
import { answerResponse, jsonAnswer, PREFLIGHT_HEADERS, publicErrorAnswer, type TApiAnswer, type TCacheKind } from "./api-answer";

/**
 * The adapter every public route handler goes through (the v1 API, and the letter's feeds,
 * calendar, badge and preview image): the slug parsed from the path, the handler run, any
 * failure answered as the API's error body, open to any origin and never cached. A handler
 * returns an answer (`jsonAnswer` for JSON, which sets CORS and the cache kind) or, for what is
 * not JSON (a feed, an image, an event stream), a Response it builds itself.
 *
 * The two hot POSTs are the exception: their answers are decided by lib/adapters/hot-posts.ts,
 * because the production server also sends them without Next.
 */
type THandlerResult = TApiAnswer | Response;

/** A route without a slug in its path. `name` is the route as logs and error reports name it. */
export function publicRoute(name: string, handle: (request: Request) => Promise<THandlerResult>): (request: Request) => Promise<Response> {
  return (request) => run(name, () => handle(request));
}

/** A route under /letters/{slug}: anything in the path that is not a slug is LETTER_NOT_FOUND, before the handler runs. */
export function letterRoute(
  name: string,
  handle: (request: Request, slug: string) => Promise<THandlerResult>,
): (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response> {
  return (request, { params }) => run(name, async () => handle(request, parseSlug((await params).slug)));
}

/** A JSON success as a Response: see jsonAnswer. */
export function apiJson(body: unknown, cache: TCacheKind, status = 200): Response {
  return answerResponse(jsonAnswer(body, cache, status));
}

/** The answer to a CORS preflight: any origin may call the API. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
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

async function run(name: string, handle: () => Promise<THandlerResult>): Promise<Response> {
  try {
    const result = await handle();
    return result instanceof Response ? result : answerResponse(result);
  } catch (error) {
    return answerResponse(publicErrorAnswer(error, name));
  }
}

/** A slug from the path, or LETTER_NOT_FOUND: nothing that is not a slug can name a letter. */
function parseSlug(raw: string): string {
  const slug = ZSlug.safeParse(raw);
  if (!slug.success) throw new AppError("LETTER_NOT_FOUND");
  return slug.data;
}
