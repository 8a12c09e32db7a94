import { request as httpRequest } from "node:http";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { expect, test } from "./support/fixtures";
import { E2E_ADMIN_EMAIL, signInAs } from "./support/organiser-session";

// Another website must not be able to make a signed-in organiser's browser change anything
// (server actions, the JSON API, Auth.js), and nobody may make us read a huge body. Both are
// refused by the production server before any route runs (lib/pipeline/request-guard.ts).

const EVIL = "https://evil.example";
const baseURL = () => new URL(process.env.E2E_BASE_URL ?? "http://localhost:3100");

test("state changes from another website are refused with a clear 403; the public signing endpoint is the exception", async ({ page, db }) => {
  await signInAs(page.context(), db, E2E_ADMIN_EMAIL);
  // Counted by title: other specs create letters at the same time.
  const planted = () => db.letter.count({ where: { title: "Planted letter" } });
  // A server action (creating a letter) posted as another site's form would post it.
  const foreign: Record<string, string>[] = [{ origin: EVIL }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
  for (const headers of foreign) {
    const refused = await page.request.post("/organise", { headers: { ...headers, "next-action": "0".repeat(42) }, multipart: { title: "Planted letter" } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "CROSS_SITE_REQUEST", message: expect.stringContaining("another website") } });
  }
  const json = await page.request.post("/api/v1/confirmations", { headers: { origin: EVIL }, data: { token: "x".repeat(43) } });
  expect(json.status()).toBe(403);
  const signOut = await page.request.post("/api/auth/signout", { headers: { origin: EVIL }, form: { csrfToken: "x" } });
  expect(signOut.status()).toBe(403);
  expect(await planted()).toBe(0);

  // The same requests from our own pages reach their handlers (which judge them on their merits).
  const own = await page.request.post("/api/v1/confirmations", { headers: { origin: baseURL().origin }, data: { token: "x".repeat(43) } });
  expect(own.status()).toBe(400);
  expect((await own.json()).error.code).toBe("TOKEN_INVALID");
  // Signing may come from anywhere: an embed on a union's site, say. It still needs a confirmed inbox.
  const signed = await page.request.post(`/api/v1/letters/${DEMO_LETTER_SLUG}/signatures`, {
    headers: { origin: EVIL },
    data: { email: "cross.site@microsoft.com", name: "Cross Site", anonymous: true },
  });
  expect(signed.status()).toBe(202);
});

/** A raw request, so the test controls framing: a declared length, or chunks, and a body that may never come. */
function rawPost(path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: baseURL().hostname, port: baseURL().port, path, method: "POST", headers }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text, ms: Date.now() - started }));
    });
    request.on("error", reject);
    if (body !== undefined) request.write(body);
    // Without end(): the server must answer from the headers alone.
    if (headers["transfer-encoding"]) request.end();
  });
}

test("a body over the limit, or without a length, is refused before it is read", async () => {
  const path = `/api/v1/letters/${DEMO_LETTER_SLUG}/signatures`;
  // Claims 50 MB and sends 10 bytes: the answer must not wait for the rest.
  const huge = await rawPost(path, { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) }, '{"email":"');
  expect(huge.status).toBe(413);
  expect(JSON.parse(huge.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  const page = await rawPost("/letters/anything", { "content-type": "multipart/form-data; boundary=x", "content-length": String(1024 * 1024) }, "--x\r\n");
  expect(page.status).toBe(413);
  const chunked = await rawPost(path, { "content-type": "application/json", "transfer-encoding": "chunked" }, '{"email":"a@microsoft.com"}');
  expect(chunked.status).toBe(411);
  expect(JSON.parse(chunked.body).error).toEqual({ code: "LENGTH_REQUIRED", message: expect.stringContaining("Content-Length") });
});
