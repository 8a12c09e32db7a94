import { randomBytes } from "node:crypto";
import { addConfirmedSignatures, createLetter } from "@/tests/support/factories";
import { waitForFoldedTotal } from "./support/counts";
import { expect, test } from "./support/fixtures";
import { publishedContract } from "./support/openapi-contract";

// Journalists, researchers and campaign sites read letters through the open JSON API. Every
// answer must be what /api/v1/openapi.json promises (it is generated from the same schemas),
// readable from any origin, cacheable by a CDN, and must never carry a signer's address, its
// hash or the hash of their IP.

async function seededLetter(db: Parameters<typeof createLetter>[0]) {
  const letter = await createLetter(db, {
    domains: ["example.com", "example.org"],
    statusUpdates: [{ kind: "DELIVERED", body: "Handed to the board.", occurredAt: new Date("2026-11-20T10:00:00Z") }],
  });
  await addConfirmedSignatures(db, letter.id, [
    { name: "Ada Named", jobTitle: "Engineer", team: "Cloud", comment: "Because it matters.", domain: "example.com" },
    { name: "Hidden Person", anonymous: true, domain: "example.org" },
    { name: "Bea Named", domain: "example.com" },
  ]);
  return letter;
}

test("every GET endpoint answers as the published OpenAPI document says, with CORS and shared-cache headers", async ({ request, db }) => {
  const contract = await publishedContract(request);
  expect(contract.doc.openapi).toBe("3.1.0");
  const letter = await seededLetter(db);

  // The app's aggregator folds the new signatures within a second or two.
  await waitForFoldedTotal(request, letter.slug, 3);

  const list = await request.get("/api/v1/letters?limit=100");
  const listBody = (await contract.expectValid(list, "/letters", "get")) as { letters: { slug: string; total: number }[] };
  expect(listBody.letters.find((l) => l.slug === letter.slug)?.total).toBe(3);
  const closed = await createLetter(db, { status: "CLOSED" });
  const closedList = (await contract.expectValid(await request.get("/api/v1/letters?status=closed&limit=100"), "/letters", "get")) as {
    letters: { slug: string; status: string }[];
  };
  expect(closedList.letters.map((l) => l.slug)).toContain(closed.slug);
  expect(closedList.letters.every((l) => l.status === "CLOSED")).toBe(true);

  const detail = await request.get(`/api/v1/letters/${letter.slug}`);
  const detailBody = await contract.expectValid(detail, "/letters/{slug}", "get");
  expect(detailBody).toMatchObject({
    total: 3,
    // Neither domain has MIN_PUBLIC_GROUP (5) signatures: no breakdown names either.
    byDomain: [],
    otherDomains: 3,
    domainPolicy: { openToAnyDomain: false, domains: [{ domain: "example.com" }, { domain: "example.org" }] },
    timeline: [{ kind: "DELIVERED", body: "Handed to the board." }],
    demands: [{ text: "Do the right thing.", status: "OPEN" }],
  });

  const signatures = await request.get(`/api/v1/letters/${letter.slug}/signatures?limit=2`);
  const firstPage = (await contract.expectValid(signatures, "/letters/{slug}/signatures", "get")) as {
    signatures: { name: string | null }[];
    nextCursor: string;
  };
  expect(firstPage.signatures).toHaveLength(2);
  const next = await request.get(`/api/v1/letters/${letter.slug}/signatures?limit=2&cursor=${firstPage.nextCursor}`);
  const secondPage = (await contract.expectValid(next, "/letters/{slug}/signatures", "get")) as { signatures: { name: string | null }[]; nextCursor: null };
  expect(secondPage.nextCursor).toBeNull();
  expect([...firstPage.signatures, ...secondPage.signatures].map((s) => s.name).sort()).toEqual(["Ada Named", "Bea Named", null].sort());

  const count = await request.get(`/api/v1/letters/${letter.slug}/count`);
  expect(await contract.expectValid(count, "/letters/{slug}/count", "get")).toMatchObject({ total: 3, byDomain: {}, otherDomains: 3 });

  for (const response of [list, detail, signatures, count]) {
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(response.headers()["cache-control"]).toMatch(/public, .*s-maxage=\d+, stale-while-revalidate=\d+/);
  }

  // Nothing private, anywhere: not the hashes, not the hidden name.
  const stored = await db.signature.findMany({ where: { letterId: letter.id }, select: { emailKey: true, sourceKey: true } });
  const everything = JSON.stringify([listBody, detailBody, firstPage, secondPage]);
  for (const { emailKey, sourceKey } of stored) {
    expect(everything).not.toContain(emailKey);
    expect(everything).not.toContain(sourceKey!);
  }
  expect(everything).not.toContain("Hidden Person");
});

test("errors answer in the documented error shape, uncached", async ({ request, db }) => {
  const contract = await publishedContract(request);
  const draft = await createLetter(db, { status: "DRAFT" });
  const open = await createLetter(db);
  const cases: [string, string, number, string][] = [
    [`/api/v1/letters/${draft.slug}`, "/letters/{slug}", 404, "LETTER_NOT_FOUND"],
    ["/api/v1/letters/NOT_A_SLUG", "/letters/{slug}", 404, "LETTER_NOT_FOUND"],
    ["/api/v1/letters/no-such-letter/count", "/letters/{slug}/count", 404, "LETTER_NOT_FOUND"],
    [`/api/v1/letters/${draft.slug}/signatures`, "/letters/{slug}/signatures", 404, "LETTER_NOT_FOUND"],
    [`/api/v1/letters/${open.slug}/signatures?cursor=garbage`, "/letters/{slug}/signatures", 422, "INVALID_INPUT"],
    [`/api/v1/letters/${open.slug}/signatures?limit=1000`, "/letters/{slug}/signatures", 422, "INVALID_INPUT"],
    ["/api/v1/letters?cursor=garbage", "/letters", 422, "INVALID_INPUT"],
    ["/api/v1/letters?status=draft", "/letters", 422, "INVALID_INPUT"],
  ];
  for (const [url, path, status, code] of cases) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(status);
    expect(((await contract.expectValid(response, path, "get")) as { error: { code: string } }).error.code, url).toBe(code);
    expect(response.headers()["cache-control"], url).toBe("no-store");
    expect(response.headers()["access-control-allow-origin"], url).toBe("*");
  }
});

test("signing through the API answers as documented, and other origins may call it", async ({ request, db }) => {
  const contract = await publishedContract(request);
  const letter = await createLetter(db, { domains: ["example.com"] });
  const email = `contract-${randomBytes(4).toString("hex")}@example.com`;
  const accepted = await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "Contract Signer", email, anonymous: false } });
  expect(await contract.expectValid(accepted, "/letters/{slug}/signatures", "post")).toEqual({ status: "pending" });
  const refused = await request.post(`/api/v1/letters/${letter.slug}/signatures`, { data: { name: "", email, anonymous: false } });
  await contract.expectValid(refused, "/letters/{slug}/signatures", "post");
  expect(accepted.headers()["access-control-allow-origin"]).toBe("*");

  const preflight = await request.fetch(`/api/v1/letters/${letter.slug}/signatures`, {
    method: "OPTIONS",
    headers: { Origin: "https://campaign.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-headers"]).toMatch(/content-type/i);
});

test("the count stream sends the current counts at once, as server-sent events", async ({ request, db }) => {
  const letter = await createLetter(db, { total: 41 });
  // Read the opening of the stream and stop: the events carry LetterCount objects.
  const response = await fetch(new URL(`/api/v1/letters/${letter.slug}/count/stream`, test.info().project.use.baseURL));
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  expect(response.headers.get("cache-control")).toContain("no-transform");
  const reader = response.body!.getReader();
  let text = "";
  while (!text.includes("data:")) text += new TextDecoder().decode((await reader.read()).value);
  await reader.cancel();
  expect(text).toMatch(/retry: \d+/);
  expect(JSON.parse(text.match(/data: (.*)/)![1]!)).toMatchObject({ total: 41, byDomain: {} });
  expect((await request.get(`/api/v1/letters/no-such-letter/count/stream`)).status()).toBe(404);
});
