import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect } from "@playwright/test";

type Operation = { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

/**
 * The API as published at /api/v1/openapi.json, compiled into validators: each response a test
 * receives is checked against what the document promises for its path, method and status.
 */
export async function publishedContract(request: APIRequestContext) {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: "https://undersigned.test/openapi.json" });
  for (const [id, schema] of Object.entries(doc.components.schemas)) {
    expect(ajv.validateSchema(schema), `component ${id} is a valid JSON Schema 2020-12: ${ajv.errorsText()}`).toBe(true);
  }

  return {
    doc,
    /** Fails unless the document declares this status for the operation and the body matches its schema. */
    async expectValid(response: APIResponse, path: string, method: "get" | "post") {
      const status = String(response.status());
      const declared = doc.paths[path]?.[method]?.responses[status];
      expect(declared, `${method.toUpperCase()} ${path} declares ${status}`).toBeDefined();
      const schema = declared?.content?.["application/json"]?.schema as { $ref: string } | undefined;
      expect(schema?.$ref, `${method.toUpperCase()} ${path} ${status} has a JSON schema`).toBeDefined();
      const validate = ajv.getSchema(`https://undersigned.test/openapi.json${schema!.$ref}`);
      expect(validate, schema!.$ref).toBeDefined();
      const body: unknown = await response.json();
      const valid = validate!(body);
      expect(valid, `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate!.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
      return body;
    },
  };
}
