import { jsonAnswer } from "@/lib/adapters/api-answer";
import { preflight, publicRoute } from "@/lib/adapters/api-route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/config/env";

/** GET /api/v1/openapi.json — the API's description, generated from its zod schemas. */
export const GET = publicRoute("GET /api/v1/openapi.json", async () => jsonAnswer(buildOpenApiDocument(getEnv().APP_URL), "document"));

export const OPTIONS = preflight;
