import { readdir } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { encodeCursor } from "@/lib/pagination/cursor";
import { createLetter } from "@/tests/support/factories";
import { expect, test } from "./support/fixtures";
import { ask, askApi, askOversized, askPage, fuzz, must } from "./support/fuzz-checks";
import { encodedSegment, hostileHeaders, queryOf, segmentOr } from "./support/fuzz-inputs";
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

/** A page under test: its path from a generated case, given the real letter's slug, and the statuses it may answer. */
type TPage = { name: string; path: (slug: string) => fc.Arbitrary<string>; statuses: (path: string, slug: string) => number[] };

const anyStatus = (statuses: number[]) => () => statuses;
/** The page of a real letter, or "not found" for any other name. */
const realLetterOnly = (real: number[]) => (path: string, slug: string) =>
  path.startsWith(`/letters/${slug}/`) || path.split("?")[0] === `/letters/${slug}` ? real : [404];

const PAGES: TPage[] = [
  { name: "GET /?q=", path: () => queryOf({ q: fc.string({ maxLength: 120 }) }).map((query) => `/${query}`), statuses: anyStatus([200]) },
  {
    name: "GET /letters/{slug}/signatures?cursor=",
    path: (slug) => fc.tuple(segmentOr(slug, 0.3), queryOf({ cursor: validCursor })).map(([segment, query]) => `/letters/${segment}/signatures${query}`),
    statuses: realLetterOnly([200]),
  },
  { name: "GET /confirm/{token}", path: () => encodedSegment.map((token) => `/confirm/${token}`), statuses: anyStatus([200, 404]) },
  { name: "GET /withdraw/{token}", path: () => encodedSegment.map((token) => `/withdraw/${token}`), statuses: anyStatus([200, 404]) },
  {
    name: "GET /sign-in?callbackUrl=",
    path: () => queryOf({ callbackUrl: fc.constantFrom("/organise", "//evil.example", "/\\evil.example") }).map((query) => `/sign-in${query}`),
    statuses: anyStatus([200]),
  },
  {
    name: "GET /sign-in/verify?email=&token=&callbackUrl=",
    path: () =>
      queryOf({ email: fc.emailAddress(), token: fc.stringMatching(/^[0-9a-f]{64}$/), callbackUrl: fc.constant("/organise") }).map(
        (query) => `/sign-in/verify${query}`,
      ),
    statuses: anyStatus([200]),
  },
  {
    name: "GET /sign-in/error?error=",
    path: () => queryOf({ error: fc.constantFrom("Verification", "Configuration", "AccessDenied") }).map((query) => `/sign-in/error${query}`),
    statuses: anyStatus([200]),
  },
];

for (const page of PAGES) {
  test(page.name, async ({}, testInfo) => {
    const cases = fc.record({ path: page.path(letterSlug), headers: hostileHeaders });
    await fuzz(testInfo, page.name, cases, ({ path, headers }) => askPage({ path, headers }, page.statuses(path, letterSlug)));
  });
}

// Files Next writes under .next/server while serving: cache entries of pages rendered on demand.
const SERVED_FILES = path.resolve(".next/server");
async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

test("GET /letters/{slug}, cached in memory only", async ({}, testInfo) => {
  // The letter page is rendered on demand and cached (its `revalidate`). Each made-up slug is a
  // page of its own to cache, so the cache must not be on disk, where it would grow without
  // bound (next.config.js, isrFlushToDisk); and any name but a real letter's is "not found".
  const filesBefore = await countFiles(SERVED_FILES);
  const cases = fc.record({ slug: segmentOr(letterSlug), query: queryOf({}), headers: hostileHeaders });
  const tally = await fuzz(testInfo, "GET /letters/{slug}", cases, ({ slug, query, headers }) =>
    askPage({ path: `/letters/${slug}${query}`, headers }, slug === letterSlug ? [200] : [404]),
  );
  expect(tally.count((outcome) => outcome === "200")).toBeGreaterThan(0);
  expect(tally.count((outcome) => outcome === "404")).toBeGreaterThan(tally.total * 0.5);
  expect(await countFiles(SERVED_FILES), `files under ${SERVED_FILES}`).toBe(filesBefore);
});

// The preview image and the badge are images for a real letter and the API's JSON error
// otherwise; so are the feed and the calendar, in their formats.
for (const image of [
  { name: "GET /letters/{slug}/og.png", file: "og.png", type: /^image\/png/ },
  { name: "GET /letters/{slug}/badge.svg", file: "badge.svg", type: /^image\/svg\+xml/ },
  { name: "GET /letters/{slug}/feed.xml", file: "feed.xml", type: /^application\/atom\+xml/ },
  { name: "GET /letters/{slug}/calendar.ics", file: "calendar.ics", type: /^text\/calendar/ },
]) {
  test(image.name, async ({}, testInfo) => {
    // Drawing the preview costs about a second: the real letter is a rare case.
    const cases = fc.record({ slug: segmentOr(letterSlug, image.file === "og.png" ? 0.005 : 0.1), headers: hostileHeaders });
    const tally = await fuzz(testInfo, image.name, cases, ({ slug, headers }) => {
      const path = `/letters/${slug}/${image.file}`;
      if (slug !== letterSlug) return askApi({ path, headers }, [404]);
      return ask({ path, headers }, [200], (response) => {
        must(image.type.test(String(response.headers["content-type"])), `an image of type ${String(response.headers["content-type"])}`);
        return "200";
      });
    });
    expect(tally.count((outcome) => outcome === "200")).toBeGreaterThan(0);
  });
}

test("requests larger than Node's header limit get 431", async ({}, testInfo) => {
  // The ordinary cases stay under Node's 16 KB for the request line and headers; these go over
  // it, in the path, the query or a header, and must be refused by Node before the app runs.
  const oversize = fc.integer({ min: 17_000, max: 64_000 }).map((length) => "x".repeat(length));
  const cases = fc.record({
    route: fc.constantFrom("/letters/", "/api/v1/letters/", "/confirm/", "/?q="),
    where: fc.constantFrom("path", "header"),
    filler: oversize,
  });
  await fuzz(
    testInfo,
    "oversized requests",
    cases,
    ({ route, where, filler }) => askOversized(where === "path" ? { path: `${route}${filler}` } : { path: route, headers: { referer: filler } }),
    { runs: 40 },
  );
});
