import fc from "fast-check";
import { createLetter } from "@/tests/support/factories";
import { encodeCursor } from "@/lib/pagination/cursor";
import { expect, test } from "./support/fixtures";
import { ask, askApi, askForStatus, fuzz, must, type OutcomeTally } from "./support/fuzz-checks";
import { loopbackAddress } from "./support/fuzz-http";
import {
  contentType,
  encodedSegment,
  guardRefusal,
  hostileBody,
  hostileHeaders,
  hostileJsonValue,
  hostileString,
  queryOf,
  segmentOr,
  stateChangeHeaders,
} from "./support/fuzz-inputs";
import { unhandledErrorsInServerLog } from "./support/server-log";

// Attack: anything on the internet can call the public API with anything in its path, query,
// headers and body. A 500 there is a bug an attacker can trigger at will (and often a hint about
// our internals); a refusal must be a 4xx whose JSON body says what was wrong. Each endpoint
// gets FUZZ_RUNS generated requests (1,000 by default) from a fixed seed. A state change comes
// mostly from no site or this one, so that it reaches its handler, and now and then from
// another, which the production server must refuse first (lib/pipeline/request-guard.ts).

test.describe.configure({ timeout: 240_000 });

const validCursor = fc.record({ at: fc.date({ noInvalidDate: true }), id: fc.uuid() }).map(encodeCursor);
const limit = fc.integer({ min: -5, max: 200 }).map(String);

let letterSlug = "";
test.beforeAll(async ({ db }) => {
  letterSlug = (await createLetter(db, { domains: ["example.com"] })).slug;
});

test.afterAll(async () => {
  expect(await unhandledErrorsInServerLog()).toEqual([]);
});

test("GET /api/v1/letters with any query", async ({}, testInfo) => {
  const cases = fc.record({ query: queryOf({ status: fc.constantFrom("open", "closed"), cursor: validCursor, limit }), headers: hostileHeaders });
  const tally = await fuzz(testInfo, "GET /api/v1/letters", cases, ({ query, headers }) => askApi({ path: `/api/v1/letters${query}`, headers }, [200, 422]));
  expectBoth(tally, "200", "422 INVALID_INPUT");
});

test("GET /api/v1/letters/{slug}", async ({}, testInfo) => {
  const cases = fc.record({ slug: segmentOr(letterSlug), headers: hostileHeaders });
  const tally = await fuzz(testInfo, "GET /api/v1/letters/{slug}", cases, ({ slug, headers }) =>
    askApi({ path: `/api/v1/letters/${slug}`, headers }, slug === letterSlug ? [200] : [404]),
  );
  expectBoth(tally, "200", "404 LETTER_NOT_FOUND");
});

test("GET /api/v1/letters/{slug}/count, by the route and by the fast path", async ({}, testInfo) => {
  // The first request for a letter goes to the route handler and loads its counts; later ones
  // are answered by the production server's fast path (lib/pipeline/count-fast-path.ts).
  const cases = fc.record({
    slug: segmentOr(letterSlug),
    trailing: fc.constantFrom("", "/", "?x=1", "?%ZZ"),
    method: fc.constantFrom("GET", "HEAD"),
    headers: hostileHeaders,
  });
  const tally = await fuzz(testInfo, "GET /api/v1/letters/{slug}/count", cases, async ({ slug, trailing, method, headers }) => {
    const request = { method, path: `/api/v1/letters/${slug}/count${trailing}`, headers };
    const expected = slug === letterSlug ? [200] : [404];
    return method === "HEAD" ? `HEAD ${await askForStatus(request, expected)}` : askApi(request, expected);
  });
  expectBoth(tally, "200", "404 LETTER_NOT_FOUND");
});

test("GET /api/v1/letters/{slug}/count/stream", async ({}, testInfo) => {
  const cases = fc.record({ slug: segmentOr(letterSlug), headers: hostileHeaders });
  const tally = await fuzz(testInfo, "GET /api/v1/letters/{slug}/count/stream", cases, ({ slug, headers }) => {
    const path = `/api/v1/letters/${slug}/count/stream`;
    if (slug !== letterSlug) return askApi({ path, headers }, [404]);
    // An open stream never ends: only its status and headers are read.
    return ask({ path, headers, headersOnly: true }, [200], (response) => {
      must(/^text\/event-stream/.test(String(response.headers["content-type"])), "a stream that is not an event stream");
      return "200 stream";
    });
  });
  expectBoth(tally, "200 stream", "404 LETTER_NOT_FOUND");
});

test("GET /api/v1/letters/{slug}/signatures with any query", async ({}, testInfo) => {
  const cases = fc.record({ slug: segmentOr(letterSlug, 0.5), query: queryOf({ cursor: validCursor, limit }), headers: hostileHeaders });
  const tally = await fuzz(testInfo, "GET /api/v1/letters/{slug}/signatures", cases, ({ slug, query, headers }) =>
    askApi({ path: `/api/v1/letters/${slug}/signatures${query}`, headers }, slug === letterSlug ? [200, 422] : [404, 422]),
  );
  expectBoth(tally, "200", "422 INVALID_INPUT");
});

/** A signer's submission with any field missing, mistyped or hostile; sometimes one that passes. */
const signatureSubmission = fc.record(
  {
    name: fc.oneof(hostileString, fc.constantFrom("Jane Doe", "Zoë Łukasiewicz-O'Brien 🙂", "<b>Bold</b>", "' OR 1=1 --"), hostileJsonValue),
    email: fc.oneof(
      hostileString,
      fc.stringMatching(/^[0-9a-f]{4,12}$/).map((local) => `fuzz-${local}@example.com`),
      fc.emailAddress(),
      hostileJsonValue,
    ),
    anonymous: fc.oneof(fc.boolean(), hostileJsonValue),
    display: fc.oneof(fc.constantFrom("name", "anonymous"), fc.record({ nameAt: fc.oneof(fc.constantFrom(25, 100), fc.integer()) }), hostileJsonValue),
    title: fc.oneof(hostileString, hostileJsonValue),
    team: fc.oneof(hostileString, hostileJsonValue),
    comment: fc.oneof(hostileString, hostileJsonValue),
  },
  { requiredKeys: ["name", "email", "anonymous"] },
);

// JSON.stringify leaves out a `__proto__` key; written by hand, it reaches the server's parser.
const withPrototypeKey = ([fields, polluted]: [Record<string, unknown>, boolean]) =>
  polluted ? `{"__proto__":{"anonymous":true,"isAdmin":true},${JSON.stringify(fields).slice(1)}` : JSON.stringify(fields);

test("POST /api/v1/letters/{slug}/signatures with any body", async ({}, testInfo) => {
  const cases = fc.record({
    slug: segmentOr(letterSlug, 0.7),
    body: fc.oneof({ weight: 3, arbitrary: fc.tuple(signatureSubmission, fc.boolean()).map(withPrototypeKey) }, { weight: 1, arbitrary: hostileBody }),
    contentType: fc.oneof({ weight: 4, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: contentType }),
    change: stateChangeHeaders,
  });
  const tally = await fuzz(testInfo, "POST /api/v1/letters/{slug}/signatures", cases, ({ slug, body, contentType: type, change }, caseNumber) => {
    const request = {
      method: "POST",
      path: `/api/v1/letters/${slug}/signatures`,
      headers: { ...change.headers, ...(type === undefined ? {} : { "content-type": type }) },
      body,
      chunked: change.chunked,
      // Each case from an address of its own: validation, not the per-client limit, answers.
      from: loopbackAddress(caseNumber),
    };
    // Any site may post a signature (but not to a path with no letter in it): only an
    // unmeasured body is refused before the handler.
    return askApi(request, guardRefusal(change, { openToOtherSites: slug !== "" }) ?? [202, 400, 404, 413, 422, 429]);
  });
  expect(tally.count((outcome) => outcome.startsWith("429"))).toBeLessThan(tally.total * 0.01);
  expect(tally.count((outcome) => outcome === "422 INVALID_INPUT" || outcome === "400 MALFORMED_REQUEST")).toBeGreaterThan(tally.total * 0.5);
  expect(tally.count((outcome) => outcome === "202")).toBeGreaterThan(0);
  expect(tally.count((outcome) => outcome === "411 LENGTH_REQUIRED")).toBeGreaterThan(0);
});

test("POST /api/v1/confirmations with any body", async ({}, testInfo) => {
  const cases = fc.record({
    body: fc.oneof(
      hostileString.map((token) => JSON.stringify({ token })),
      hostileJsonValue.map((token) => JSON.stringify({ token })),
      hostileBody,
    ),
    contentType,
    change: stateChangeHeaders,
  });
  const tally = await fuzz(testInfo, "POST /api/v1/confirmations", cases, ({ body, contentType: type, change }) => {
    const headers = { ...change.headers, ...(type === undefined ? {} : { "content-type": type }) };
    return askApi({ method: "POST", path: "/api/v1/confirmations", headers, body, chunked: change.chunked }, guardRefusal(change) ?? [400, 413]);
  });
  expectBoth(tally, "400 TOKEN_INVALID", "400 MALFORMED_REQUEST");
  expect(tally.count((outcome) => outcome === "403 CROSS_SITE_REQUEST")).toBeGreaterThan(0);
});

// Endpoints that read nothing but headers: each gets its own cases all the same.
for (const route of ["GET /api/health", "GET /api/ping", "GET /api/v1/openapi.json", "OPTIONS /api/v1/letters", "OPTIONS /api/v1/letters/{slug}/signatures"]) {
  test(`${route}, with any headers`, async ({}, testInfo) => {
    const [method, path] = route.replace("{slug}", letterSlug).split(" ") as [string, string];
    await fuzz(testInfo, route, hostileHeaders, (headers) => askForStatus({ method, path, headers }, method === "OPTIONS" ? [204] : [200]));
  });
}

test("Auth.js's routes under /api/auth, with any path, query and form", async ({}, testInfo) => {
  const action = fc.constantFrom("signin", "signout", "callback", "session", "csrf", "providers", "error", "verify-request", "webauthn-options");
  const cases = fc.record({
    segments: fc.array(fc.oneof(action, fc.constantFrom("email", "nodemailer"), encodedSegment), { minLength: 1, maxLength: 3 }),
    query: queryOf({
      callbackUrl: fc.constantFrom("/organise", "https://evil.example/"),
      token: fc.stringMatching(/^[0-9a-f]{0,64}$/),
      email: fc.emailAddress(),
      error: fc.constantFrom("Verification", "Configuration"),
    }),
    method: fc.constantFrom("GET", "POST"),
    form: queryOf({ csrfToken: fc.stringMatching(/^[0-9a-f]{0,64}$/), email: fc.emailAddress(), callbackUrl: fc.constant("/organise") }),
    headers: hostileHeaders,
    change: stateChangeHeaders,
  });
  const statuses = [200, 302, 303, 307, 400, 404, 405];
  await fuzz(testInfo, "GET|POST /api/auth/*", cases, async ({ segments, query, method, form, headers, change }) => {
    const path = `/api/auth/${segments.join("/")}${query}`;
    const request =
      method === "GET"
        ? { path, headers }
        : { method, path, headers: { ...change.headers, "content-type": "application/x-www-form-urlencoded" }, body: form.slice(1), chunked: change.chunked };
    return `${method} ${await askForStatus(request, (method === "POST" && guardRefusal(change)) || statuses)}`;
  });
});

/** The fuzz reached both the success path and the refusal it claims to test. */
function expectBoth(tally: OutcomeTally, success: string, refusal: string): void {
  expect(
    tally.count((outcome) => outcome === success),
    `${success} in ${tally}`,
  ).toBeGreaterThan(0);
  expect(
    tally.count((outcome) => outcome === refusal),
    `${refusal} in ${tally}`,
  ).toBeGreaterThan(tally.total * 0.1);
}
