import fc from "fast-check";
import { expect, type TestInfo } from "@playwright/test";
import { APP_ERRORS } from "@/lib/errors/app-error";
import { send, type TFuzzRequest, type TFuzzResponse } from "./fuzz-http";

/**
 * Cases per endpoint, and the seed they are drawn from. Fixed, so a run is repeatable and a
 * failure replays: fast-check prints the seed and the path of the failing case, to be given
 * back through FUZZ_SEED (and `path` in fc.assert) when debugging.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 7_2026);

/** How the answers to one endpoint's cases were spread: a fuzz that only ever saw one kind proves little. */
export class OutcomeTally {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(outcome: string): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
    this.total += 1;
  }

  count(match: (outcome: string) => boolean): number {
    return [...this.counts].reduce((sum, [outcome, n]) => sum + (match(outcome) ? n : 0), 0);
  }

  toString(): string {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1])
      .map(([outcome, n]) => `${outcome}: ${n}`)
      .join(", ");
  }
}

/**
 * Runs `check` on FUZZ_RUNS generated cases, one request at a time (fast-check then shrinks a
 * failure to a small example), and returns how the answers were spread. The spread is attached
 * to the test's report.
 */
export async function fuzz<T>(
  testInfo: TestInfo,
  endpoint: string,
  cases: fc.Arbitrary<T>,
  check: (input: T, tally: OutcomeTally) => Promise<void>,
  options: { numRuns?: number } = {},
): Promise<OutcomeTally> {
  const tally = new OutcomeTally();
  const numRuns = options.numRuns ?? FUZZ_RUNS;
  await fc.assert(
    fc.asyncProperty(cases, (input) => check(input, tally)),
    { numRuns, seed: FUZZ_SEED, interruptAfterTimeLimit: testInfo.timeout - 20_000, markInterruptAsFailure: true },
  );
  expect(tally.total, `${endpoint}: cases run`).toBe(numRuns);
  await testInfo.attach(`${endpoint} outcomes`, { body: `${tally.total} cases: ${tally}`, contentType: "text/plain" });
  console.log(`[fuzz] ${endpoint}: ${tally.total} cases: ${tally}`);
  return tally;
}

/**
 * The statuses a request may get: `expected`, plus the redirects any request may meet whatever
 * its endpoint. Next sends a request marked as a React Server Components fetch (`RSC: 1`) that
 * lacks its cache-busting `_rsc` parameter to the same URL with one (307), and an empty path
 * segment makes a trailing slash, which it removes (308).
 */
function statusesFor(request: TFuzzRequest, expected: number[]): number[] {
  const rsc = request.headers && "rsc" in request.headers ? [307] : [];
  const trailingSlash = /\/\/|\/(\?|$)/.test(request.path) ? [308] : [];
  return [...expected, ...rsc, ...trailingSlash];
}

type TErrorBody = { error?: { code?: unknown; message?: unknown } };

/**
 * A JSON API answer to a hostile request: a status we expect, and for a refusal the API's error
 * body with a code and a message a person can act on, never the generic one that stands for a bug.
 * Returns the outcome's name for the tally: the status and, for a refusal, its code.
 */
export async function askApi(request: TFuzzRequest, expected: number[]): Promise<string> {
  const response = await send(request);
  expectStatus(response, statusesFor(request, expected));
  if (response.status < 400) return String(response.status);
  expect(response.headers["content-type"], response.body.slice(0, 300)).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as TErrorBody;
  expect(typeof body.error?.code, response.body).toBe("string");
  expect(body.error?.code).not.toBe("INTERNAL");
  expect(typeof body.error?.message === "string" && body.error.message.length > 0, response.body).toBe(true);
  return `${response.status} ${String(body.error?.code)}`;
}

// What a page shows when it failed on our side: the error boundary (app/error.tsx), a server
// action's generic failure (lib/errors/app-error.ts), Next's bare 500.
const FAILED_PAGE = ["We could not show this page", APP_ERRORS.INTERNAL.message.split(".")[0]!, "Internal Server Error"];

/** A page's answer to a hostile request: a status we expect, and no sign of a failure on our side. Returns the response. */
export async function askPage(request: TFuzzRequest, expected: number[]): Promise<TFuzzResponse> {
  const response = await send(request);
  expectStatus(response, statusesFor(request, expected));
  for (const sign of FAILED_PAGE) expect(response.body, `a page showing "${sign}"`).not.toContain(sign);
  return response;
}

/** For answers that are not ours to shape (Auth.js's, preflights, HEAD): the status alone. */
export async function askForStatus(request: TFuzzRequest, expected: number[]): Promise<string> {
  const response = await send(request);
  expectStatus(response, statusesFor(request, expected));
  return String(response.status);
}

function expectStatus(response: TFuzzResponse, expected: number[]): void {
  expect(response.status, `status (body: ${response.body.slice(0, 300)})`).toBeLessThan(500);
  expect(expected, `status ${response.status} (body: ${response.body.slice(0, 300)})`).toContain(response.status);
}
