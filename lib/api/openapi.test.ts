import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("https://letters.example/");

  it("describes every public endpoint, on a server relative to the document, run from the app's address", () => {
    expect(doc.openapi).toBe("3.1.0");
    // Served at /api/v1/openapi.json, so right on any host, behind any proxy.
    expect(doc.servers).toEqual([{ url: "/api/v1" }]);
    expect(doc.info.contact).toEqual({ name: "Undersigned", url: "https://letters.example" });
    expect(doc.security).toEqual([]);
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/confirmations",
      "/letters",
      "/letters/{slug}",
      "/letters/{slug}/count",
      "/letters/{slug}/count/stream",
      "/letters/{slug}/signatures",
    ]);
  });

  it("is a valid OpenAPI 3.1 document, by the specification's own schema", async () => {
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
  });

  it("resolves every reference to a component, and every component is a plain schema", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const id of refs) expect(doc.components.schemas, id).toHaveProperty(id);
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema).not.toHaveProperty("$id");
      expect(schema).not.toHaveProperty("$schema");
    }
  });

  it("forbids extra properties in public signatures, so nothing private can slip into one", () => {
    const signature = doc.components.schemas.PublicSignature as { additionalProperties: unknown; properties: Record<string, unknown> };
    expect(signature.additionalProperties).toBe(false);
    expect(Object.keys(signature.properties).sort()).toEqual(["comment", "confirmedAt", "domain", "jobTitle", "name", "team", "verification"]);
  });
});
