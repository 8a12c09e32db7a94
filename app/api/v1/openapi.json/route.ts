import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiJson, CACHE_CONTROL, preflight } from "@/lib/api/respond";
import { getEnv } from "@/lib/config/env";

/** GET /api/v1/openapi.json — the API's description, generated from its zod schemas. */
export function GET() {
  return apiJson(buildOpenApiDocument(getEnv().APP_URL), CACHE_CONTROL.document);
}

export const OPTIONS = preflight;
