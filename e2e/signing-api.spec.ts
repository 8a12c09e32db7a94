import { randomBytes } from "node:crypto";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";

// Campaign sites and scripts sign through the JSON API. Every refusal must be a clear 4xx
// with a machine-readable code, never a 500 or a hint about who has signed.

const body = (overrides: Record<string, unknown> = {}) => ({
  name: "Api Signer",
  email: `api-${randomBytes(4).toString("hex")}@example.com`,
  anonymous: true,
  ...overrides,
});

test("answers 202 pending, the same for an address that already signed", async ({ request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const signer = body();
  for (let i = 0; i < 2; i++) {
    const response = await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: signer });
    expect(response.status()).toBe(202);
    expect(await response.json()).toEqual({ status: "pending" });
  }
  expect(await db.signature.count({ where: { letterId: letter.id } })).toBe(1);
});

test("refuses with the right status and code", async ({ request, db }) => {
  const open = await createLetter(db, { domains: ["example.com"] });
  const closed = await createLetter(db, { status: "CLOSED" });
  const cases: [string, unknown, number, string][] = [
    [open.slug, body({ email: "someone@gmail.com" }), 422, "DOMAIN_NOT_ALLOWED"],
    [open.slug, body({ name: "" }), 422, "INVALID_INPUT"],
    [open.slug, body({ anonymous: "maybe" }), 422, "INVALID_INPUT"],
    [closed.slug, body(), 409, "LETTER_NOT_OPEN"],
    ["no-such-letter", body(), 404, "LETTER_NOT_FOUND"],
  ];
  for (const [slug, data, status, code] of cases) {
    const response = await request.post(`/api/v1/letters/${slug}/signatures`, { data });
    expect(response.status(), code).toBe(status);
    const json = await response.json();
    expect(json.error.code).toBe(code);
    expect(typeof json.error.message).toBe("string");
  }
  const invalid = await (await request.post(`/api/v1/letters/${open.slug}/signatures`, { data: body({ name: "" }) })).json();
  expect(invalid.error.fields.name).toEqual(["Enter your name."]);
});

test("refuses malformed and oversized bodies before doing any work", async ({ request, db }) => {
  const letter = await createLetter(db);
  const url = `/api/v1/letters/${letter.slug}/signatures`;
  const malformed = await request.post(url, { data: "{not json", headers: { "content-type": "application/json" } });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("MALFORMED_REQUEST");
  const array = await request.post(url, { data: [1, 2, 3] });
  expect(array.status()).toBe(400);
  const huge = await request.post(url, { data: body({ comment: "x".repeat(100_000) }) });
  expect(huge.status()).toBe(413);
  expect(await db.signature.count({ where: { letterId: letter.id } })).toBe(0);
});

test("explains a missing or mistyped field to an API client, per field, without the form's wording", async ({ request, db }) => {
  const letter = await createLetter(db);
  const response = await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { email: 42 } });
  expect(response.status()).toBe(422);
  const { error } = await response.json();
  expect(error.message).toBe("Invalid request fields: name, email, anonymous. See `fields` for each one's problem.");
  expect(error.fields).toEqual({
    name: ["Required: the signer's name, as a string."],
    email: ["Must be a string: the signer's work email address."],
    anonymous: ['Required: true to sign anonymously, false to show the name (or display: "name", "anonymous" or { "nameAt": N }).'],
  });
  expect(JSON.stringify(error)).not.toMatch(/Invalid input|expected string|highlighted/);
});
