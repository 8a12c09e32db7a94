import { randomBytes } from "node:crypto";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { confirmLinkIn, waitForEmailTo } from "./support/mailbox";
import { publishedContract } from "./support/openapi-contract";

// Apps that read the signer's email for them confirm through the JSON API, with the same rules
// as the page's button: once, with a valid token, on an open letter.

test("a signature is confirmed through POST /api/v1/confirmations, once", async ({ request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `api-${randomBytes(4).toString("hex")}@example.com`;
  const signed = await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "Api Signer", email, anonymous: false } });
  expect(signed.status()).toBe(202);
  const token = confirmLinkIn(await waitForEmailTo(email))
    .split("/")
    .at(-1);

  const contract = await publishedContract(request);
  const confirmed = await request.post("/api/v1/confirmations", { data: { token } });
  expect(confirmed.status()).toBe(200);
  expect(confirmed.headers()["cache-control"]).toBe("no-store");
  expect(await contract.expectValid(confirmed, "/confirmations", "post")).toEqual({
    status: "confirmed",
    letter: { slug: letter.slug, title: letter.title },
    receiptUrl: expect.stringMatching(/^http:\/\/localhost:\d+\/receipt\/[A-Za-z0-9_-]{43}$/),
  });
  // Pressed again: no second receipt (whoever reads the mailbox must never get one).
  expect(await (await request.post("/api/v1/confirmations", { data: { token } })).json()).toEqual({
    status: "already-confirmed",
    letter: { slug: letter.slug, title: letter.title },
  });
  expect(await db.signature.count({ where: { letterId: letter.id, state: "CONFIRMED" } })).toBe(1);

  const forged = await request.post("/api/v1/confirmations", { data: { token: `${token}x` } });
  expect(forged.status()).toBe(400);
  expect(await contract.expectValid(forged, "/confirmations", "post")).toMatchObject({ error: { code: "TOKEN_INVALID" } });
  const malformed = await request.post("/api/v1/confirmations", { data: "not json", headers: { "content-type": "application/json" } });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("MALFORMED_REQUEST");
});

test("the liveness probe answers without touching the database", async ({ request }) => {
  const response = await request.get("/api/ping");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
