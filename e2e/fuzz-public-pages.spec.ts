import fc from "fast-check";
import { encodeCursor } from "@/lib/pagination/cursor";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { askApi, askPage, fuzz } from "./support/fuzz-checks";
import { encodedForUrl, hostileHeaders, queryOf, segmentOr } from "./support/fuzz-inputs";
import { unhandledErrorsInServerLog } from "./support/server-log";

// Attack: every page's address is typed by someone, and a link can carry anything in its path
// and query. A page must answer with itself, its "not found" or a refusal, never with the error
// boundary or a bare 500. Each page gets FUZZ_RUNS generated requests from a fixed seed.

test.describe.configure({ timeout: 240_000 });

const validCursor = fc.record({ at: fc.date({ noInvalidDate: true }), id: fc.uuid() }).map(encodeCursor);

let letterSlug = "";
test.beforeAll(async ({ db }) => {
  letterSlug = (await createLetter(db, { domains: ["example.com"] })).slug;
});

test.afterAll(async () => {
  expect(await unhandledErrorsInServerLog()).toEqual([]);
});

/** A page under test: its path from a generated case, and the statuses it may answer. */
const PAGES: { name: string; path: fc.Arbitrary<string>; statuses: number[] }[] = [
  { name: "GET /?q=", path: queryOf({ q: fc.string({ maxLength: 120 }) }).map((query) => `/${query}`), statuses: [200] },
  { name: "GET /letters/{slug}", path: fc.tuple(segmentOr("LETTER"), queryOf({})).map(([slug, query]) => `/letters/${slug}${query}`), statuses: [200, 400, 404] },
  {
    name: "GET /letters/{slug}/signatures?cursor=",
    path: fc.tuple(segmentOr("LETTER", 0.3), queryOf({ cursor: validCursor })).map(([slug, query]) => `/letters/${slug}/signatures${query}`),
    statuses: [200, 400, 404],
  },
  { name: "GET /confirm/{token}", path: encodedForUrl.map((token) => `/confirm/${token}`), statuses: [200, 400, 404] },
  { name: "GET /withdraw/{token}", path: encodedForUrl.map((token) => `/withdraw/${token}`), statuses: [200, 400, 404] },
  { name: "GET /sign-in?callbackUrl=", path: queryOf({ callbackUrl: fc.constantFrom("/organise", "//evil.example", "/\\evil.example") }).map((query) => `/sign-in${query}`), statuses: [200] },
  {
    name: "GET /sign-in/verify?email=&token=&callbackUrl=",
    path: queryOf({ email: fc.emailAddress(), token: fc.stringMatching(/^[0-9a-f]{64}$/), callbackUrl: fc.constant("/organise") }).map((query) => `/sign-in/verify${query}`),
    statuses: [200],
  },
  { name: "GET /sign-in/error?error=", path: queryOf({ error: fc.constantFrom("Verification", "Configuration", "AccessDenied") }).map((query) => `/sign-in/error${query}`), statuses: [200] },
];

for (const page of PAGES) {
  test(page.name, async ({}, testInfo) => {
    const cases = fc.record({ path: page.path, headers: hostileHeaders });
    await fuzz(testInfo, page.name, cases, async ({ path, headers }, outcomes) => {
      const response = await askPage({ path: path.replace("/LETTER", `/${letterSlug}`), headers }, page.statuses);
      outcomes.add(String(response.status));
    });
  });
}

// The preview image and the badge are images for a real letter and the API's JSON error otherwise.
for (const image of [
  { name: "GET /letters/{slug}/og.png", file: "og.png", type: /^image\/png/ },
  { name: "GET /letters/{slug}/badge.svg", file: "badge.svg", type: /^image\/svg\+xml/ },
]) {
  test(image.name, async ({}, testInfo) => {
    // Drawing the preview costs about a second: the real letter is a rare case.
    const cases = fc.record({ slug: segmentOr("LETTER", image.file === "og.png" ? 0.005 : 0.1), headers: hostileHeaders });
    await fuzz(testInfo, image.name, cases, async ({ slug, headers }, outcomes) => {
      const path = `/letters/${slug === "LETTER" ? letterSlug : slug}/${image.file}`;
      if (slug === "LETTER" && !("rsc" in headers)) {
        const response = await askPage({ path, headers }, [200]);
        expect(response.headers["content-type"]).toMatch(image.type);
        outcomes.add("200");
      } else {
        outcomes.add(await askApi({ path, headers }, [400, 404]));
      }
    });
  });
}
