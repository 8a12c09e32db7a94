/**
 * `npm run audit:observatory -- [BASE_URL] [--forwarded-https] [PATH…]`: the MDN HTTP
 * Observatory's grading (the same tests, scores and grades as its website) of each page of a
 * running instance (default http://localhost:3000; pages: home, the demo letter, its
 * signatures, sign-in, a confirm link, an organiser page, the badge). Prints a table.
 *
 * The Observatory is not a dependency of the project: it weighs 130 MB and 230 packages
 * (a web server, a PostgreSQL client with a native build, jsdom), its install step downloads
 * lists, and the suite checks the same headers exactly (e2e/security-headers.spec.ts). Install
 * it beside the project when you want the grade, without its install scripts:
 *
 *   npm install --no-save --ignore-scripts @mdn/mdn-http-observatory@1.4.8
 *
 * Its own CLI only scans `/` on port 80/443, so this runs its retriever and tests per page.
 * Two of its tests need real HTTPS and cannot pass on a plain-http instance: HSTS, and the
 * redirection from http to https. `--forwarded-https` sends `X-Forwarded-Proto: https`, as a
 * TLS-ending load balancer would (start the instance with TRUSTED_PROXY_HOPS=1).
 */
import { mkdir, writeFile, access } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";

type TTestResult = { result: string; pass: boolean; scoreModifier?: number };
type TObservatory = {
  retrieve(hostname: string, options: { httpPort?: string; path?: string; headers?: string[] }): Promise<{ responses: { auto?: { status: number } } }>;
  ALL_TESTS: ((requests: unknown) => TTestResult & { constructor: { name: string } })[];
  getScoreModifier(result: string): number;
  getGradeForScore(score: number): { grade: string; score: number };
  MINIMUM_SCORE_FOR_EXTRA_CREDIT: number;
};

async function loadObservatory(): Promise<TObservatory> {
  let root: string;
  try {
    root = path.dirname(createRequire(import.meta.url).resolve("@mdn/mdn-http-observatory/package.json"));
  } catch {
    console.error("The MDN HTTP Observatory is not installed: npm install --no-save --ignore-scripts @mdn/mdn-http-observatory@1.4.8");
    process.exit(2);
  }
  // Its install step would download the HSTS preload list; an empty one says "not preloaded".
  const preload = path.join(root, "conf", "hsts-preload.json");
  await access(preload).catch(async () => {
    await mkdir(path.dirname(preload), { recursive: true });
    await writeFile(preload, "{}");
  });
  const load = (file: string) => import(pathToFileURL(path.join(root, "src", file)).href);
  const [retriever, constants, grader, charts] = await Promise.all([
    load("retriever/retriever.js"),
    load("constants.js"),
    load("grader/grader.js"),
    load("grader/charts.js"),
  ]);
  return {
    retrieve: retriever.retrieve,
    ALL_TESTS: constants.ALL_TESTS,
    getScoreModifier: grader.getScoreModifier,
    getGradeForScore: grader.getGradeForScore,
    MINIMUM_SCORE_FOR_EXTRA_CREDIT: charts.MINIMUM_SCORE_FOR_EXTRA_CREDIT,
  };
}

// The two tests a plain-http instance cannot pass, whatever its headers: an http URL that
// redirects to https, and HSTS (which browsers take over https only).
const needsRealHttps = (result: string) => result.startsWith("redirection-") || result === "hsts-not-implemented-no-https";

/** The Observatory's own scoring (src/scanner/index.js), for one page: as it grades it, and without the two tests that need real HTTPS. */
async function grade(observatory: TObservatory, base: URL, pagePath: string, headers: string[]) {
  const requests = await observatory.retrieve(base.hostname, { httpPort: base.port || "80", path: pagePath, headers });
  if (!requests.responses.auto) throw new Error(`${pagePath}: no answer`);
  const results = observatory.ALL_TESTS.map((test) => test(requests));
  const all = score(observatory, results);
  const apartFromHttps = score(
    observatory,
    results.filter((result) => !needsRealHttps(result.result)),
  );
  return { path: pagePath, status: requests.responses.auto.status, ...all, apartFromHttps };
}

function score(observatory: TObservatory, results: TTestResult[]) {
  let withExtraCredit = 100;
  let uncurved = 100;
  const failed: string[] = [];
  for (const result of results) {
    const modifier = observatory.getScoreModifier(result.result);
    withExtraCredit += modifier;
    if (modifier < 0) uncurved += modifier;
    if (!result.pass) failed.push(`${result.result} (${modifier})`);
  }
  const final = observatory.getGradeForScore(uncurved >= observatory.MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved);
  return { grade: final.grade, score: final.score, failed };
}

const args = process.argv.slice(2);
const forwardedHttps = args.includes("--forwarded-https");
const positional = args.filter((arg) => !arg.startsWith("--"));
const base = new URL(positional.find((arg) => /^https?:\/\//.test(arg)) ?? "http://localhost:3000");
const paths = positional.filter((arg) => arg.startsWith("/"));
const pages =
  paths.length > 0
    ? paths
    : [
        "/",
        `/letters/${DEMO_LETTER_SLUG}`,
        `/letters/${DEMO_LETTER_SLUG}/signatures`,
        "/sign-in",
        "/confirm/not-a-real-token",
        "/organise",
        `/letters/${DEMO_LETTER_SLUG}/badge.svg`,
      ];

const observatory = await loadObservatory();
const headers = ["Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ...(forwardedHttps ? ["X-Forwarded-Proto: https"] : [])];
console.log(`MDN HTTP Observatory, ${base.origin}${forwardedHttps ? " (X-Forwarded-Proto: https)" : ""}\n`);
console.log(`${"page".padEnd(56)} status grade score  apart from HTTPS-only  tests not passed`);
for (const page of pages) {
  const result = await grade(observatory, base, page, headers);
  const apart = `${result.apartFromHttps.grade} ${result.apartFromHttps.score}`;
  console.log(
    `${result.path.padEnd(56)} ${String(result.status).padEnd(6)} ${result.grade.padEnd(5)} ${String(result.score).padStart(5)}  ${apart.padEnd(20)}  ${result.failed.join(", ") || "none"}`,
  );
}
