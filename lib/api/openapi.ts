import { z } from "zod";
import { ZSignatureInput } from "@/lib/signatures/signature-input";
import { API_TAGS, apiInfo, type TApiTag } from "./openapi-info";
import { ZApiError, ZConfirmationRequest, ZConfirmationResult, ZLetterCount, ZLetterDetail, ZLetterList, ZSignatureAccepted, ZSignatureList } from "./schemas";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { "application/json": { schema: ref(id) } } });
const error = (description: string) => json("Error", description);

const slug = {
  name: "slug",
  in: "path",
  required: true,
  description: "The letter's URL name.",
  schema: { type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" },
};
const cursor = { name: "cursor", in: "query", required: false, description: "`nextCursor` of the previous page.", schema: { type: "string" } };
const limit = (max: number, fallback: number) => ({
  name: "limit",
  in: "query",
  required: false,
  schema: { type: "integer", minimum: 1, maximum: max, default: fallback },
});

// The response schemas; importing them registers each under its `meta({ id })`.
const RESPONSES = [ZApiError, ZLetterList, ZLetterDetail, ZSignatureList, ZLetterCount, ZSignatureAccepted, ZConfirmationResult];

/** Every schema with an id becomes one component, referenced wherever it is used rather than repeated. */
function componentSchemas(): Record<string, object> {
  for (const schema of RESPONSES) if (!z.globalRegistry.get(schema)?.id) throw new Error("Every response schema needs meta({ id })");
  const { schemas: output } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, io: "output", target: "draft-2020-12" });
  const input = z.toJSONSchema(ZSignatureInput, { io: "input", target: "draft-2020-12" });
  // Each component is a schema inside this document, not a document of its own.
  const strip = ({ $schema: _s, $id: _i, ...rest }: Record<string, unknown>) => rest;
  return {
    ...Object.fromEntries(Object.entries(output).map(([id, schema]) => [id, strip(schema as Record<string, unknown>)])),
    SignatureRequest: strip(input as Record<string, unknown>),
    ConfirmationRequest: strip(z.toJSONSchema(ZConfirmationRequest, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>),
  };
}

/**
 * The public API as OpenAPI 3.1, generated from the zod schemas the route handlers answer with
 * (lib/api/schemas.ts): the document cannot drift from the code. Served at /api/v1/openapi.json.
 */
export function buildOpenApiDocument(appUrl: string) {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: apiInfo(appUrl),
    // Relative to where this document is served (OpenAPI 3.1, Server Object): right behind any
    // proxy and host name, a developer's localhost included, without naming one.
    servers: [{ url: "/api/v1" }],
    // Public by design: no operation needs credentials (signing is proved by email, not by a key).
    security: [],
    tags: [...API_TAGS],
    paths: {
      "/letters": {
        get: {
          operationId: "listLetters",
          tags: ["Letters"] satisfies TApiTag[],
          description:
            "Open and closed letters, newest first, in pages of `limit` (unlisted letters are left out: they answer to their slug only, see `listed`); pass `nextCursor` back as `cursor` for the next page. Pages are keyset cursors: stable while letters are published, constant in cost however deep.",
          summary: "Published, listed letters, newest first",
          parameters: [
            {
              name: "status",
              in: "query",
              required: false,
              description: "Only open or only closed letters.",
              schema: { type: "string", enum: ["open", "closed"] },
            },
            cursor,
            limit(100, 20),
          ],
          responses: { "200": json("LetterList", "A page of letters."), "422": error("A malformed status, cursor or limit.") },
        },
      },
      "/letters/{slug}": {
        get: {
          operationId: "getLetter",
          tags: ["Letters"] satisfies TApiTag[],
          description:
            "Everything the letter's page shows: its text (Markdown), demands with their status, the status timeline, which domains may sign, the goal and closing date, and the verified totals. An unlisted letter answers here like any other, with `listed: false`.",
          summary: "A letter with its demands, timeline, domain policy and counts",
          parameters: [slug],
          responses: { "200": json("LetterDetail", "The letter."), "404": error("No published letter has this slug.") },
        },
      },
      "/letters/{slug}/signatures": {
        get: {
          operationId: "listSignatures",
          tags: ["Signatures"] satisfies TApiTag[],
          description:
            "Confirmed signatures, newest first. An anonymous signer, or one whose name organisers hid, appears as a domain alone; a comment organisers hid is left out.",
          summary: "Public (confirmed) signatures, newest first",
          parameters: [slug, cursor, limit(100, 20)],
          responses: {
            "200": json("SignatureList", "A page of signatures."),
            "404": error("No published letter has this slug."),
            "422": error("A malformed cursor or limit."),
          },
        },
        post: {
          operationId: "signLetter",
          tags: ["Signatures"] satisfies TApiTag[],
          description:
            "Starts a signature: the address gets an email whose link confirms it. The answer is the same whether or not the address had already signed, so it reveals nothing about anyone's signature; nothing is counted or shown before confirmation.",
          summary: "Sign a letter; the signature counts once confirmed from the emailed link",
          parameters: [slug],
          requestBody: { required: true, content: { "application/json": { schema: ref("SignatureRequest") } } },
          responses: {
            "202": json("SignatureAccepted", "Check your inbox."),
            "400": error("The body is not a JSON object."),
            "404": error("No published letter has this slug."),
            "409": error("The letter is closed."),
            "413": error("The body is too large."),
            "422": error("A field is invalid, or the address's domain may not sign this letter."),
            "429": error("Too many attempts; see Retry-After."),
          },
        },
      },
      "/letters/{slug}/count": {
        get: {
          operationId: "getLetterCount",
          tags: ["Counts"] satisfies TApiTag[],
          description: "Served from memory, a second or two behind the last confirmation: poll it freely, or follow the stream.",
          summary: "The verified total and per-domain totals: small, hot and a second or two fresh",
          parameters: [slug],
          responses: { "200": json("LetterCount", "The counts."), "404": error("No published letter has this slug.") },
        },
      },
      "/letters/{slug}/count/stream": {
        get: {
          operationId: "streamLetterCount",
          tags: ["Counts"] satisfies TApiTag[],
          description:
            "A server-sent event stream: one `count` event at once, then one on each change, with heartbeats between. Browsers reconnect on their own (`EventSource`).",
          summary: "The counts as server-sent events: `count` events whose data is a LetterCount, first at once, then on each change",
          parameters: [slug],
          responses: {
            "200": {
              description: "An event stream. Each `count` event's `data` is a LetterCount in JSON.",
              // OpenAPI 3.1 cannot type the events themselves (3.2's itemSchema can).
              content: { "text/event-stream": { schema: { type: "string", description: "event: count\ndata: <LetterCount JSON>" } } },
            },
            "404": error("No published letter has this slug."),
          },
        },
      },
      "/confirmations": {
        post: {
          operationId: "confirmSignature",
          tags: ["Signatures"] satisfies TApiTag[],
          description:
            "Spends the confirmation token from the signer's email; the signature then counts. A link in an email only opens a page: mail scanners open every link, so only this POST confirms.",
          summary: "Confirm a signature with the token from its email, as the confirmation page's button does (not open to other origins)",
          requestBody: { required: true, content: { "application/json": { schema: ref("ConfirmationRequest") } } },
          responses: {
            "200": json("ConfirmationResult", "Confirmed: it counts."),
            "400": error("The body is not a JSON object, or the token is not valid."),
            "409": error("The token was used already, or the letter is closed."),
            "410": error("The token has expired."),
            "413": error("The body is too large."),
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
