import { randomBytes } from "node:crypto";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";

// Rate limits and flood detection key on the client's address. A client that could choose its
// own, by writing X-Forwarded-For, would get a fresh allowance per request. The server under
// test has no proxy in front (TRUSTED_PROXY_HOPS=0), so the header must change nothing.

test("a client cannot pick its own address with X-Forwarded-For", async ({ request, db }) => {
  const letter = await createLetter(db, { domains: ["example.com"] });
  for (const claimed of ["198.51.100.1", "198.51.100.2", "203.0.113.9, 198.51.100.3"]) {
    const response = await request.post(`/api/v1/letters/${letter.slug}/signatures`, {
      headers: { "x-forwarded-for": claimed, "x-undersigned-client-address": claimed.split(",")[0]! },
      data: { name: "Spoofer", email: `spoof-${randomBytes(4).toString("hex")}@example.com`, anonymous: true },
    });
    expect(response.status()).toBe(202);
  }
  const sources = await db.signature.findMany({ where: { letterId: letter.id }, select: { sourceKey: true } });
  expect(sources).toHaveLength(3);
  expect(new Set(sources.map((row) => row.sourceKey)).size).toBe(1);
});
