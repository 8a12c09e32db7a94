import fc from "fast-check";
import type { TestInfo } from "@playwright/test";
import { APP_ERRORS, type TAppErrorCode } from "@/lib/errors/app-error";
import { hasBrokenPathEscape } from "@/lib/pipeline/refuse-broken-path-escape";
import { describeExchange, headBytes, send, type TFuzzRequest, type TFuzzResponse } from "./fuzz-http";

/**
 * Cases per endpoint, and the seed they are drawn from. Fixed, so a run is repeatable and a
 * failure replays: case number n of a seed is the same request whatever FUZZ_RUNS is.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 7_2026);
// Requests in flight per endpoint: enough to keep the server busy while a response is on its
// way back, few enough that the answers are not queued behind each other into a timeout.
const FUZZ_CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 16);
const FAILURES_SHOWN = 3;
// Node's limit on a request's line and headers together (http.maxHeaderSize), which it enforces
// with a 431 before the app sees the request.
const NODE_MAX_HEADER_BYTES = 16 * 1024;

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
 * Draws FUZZ_RUNS cases (or `runs`) from `cases` and sends them, FUZZ_CONCURRENCY at a time: `check` sends
 * one case and returns its outcome's name, or throws. Every case runs; the test then fails with
 * the first few failing exchanges, or returns how the outcomes were spread (also attached to
 * the report). fast-check's own runner would send one request at a time and shrink a failure;
 * a failing exchange is printed whole instead, which is as good for a request.
 */
export async function fuzz<T>(
  testInfo: TestInfo,
  endpoint: string,
  cases: fc.Arbitrary<T>,
  check: (input: T, caseNumber: number) => Promise<string>,
  options: { runs?: number } = {},
): Promise<OutcomeTally> {
  const inputs = fc.sample(cases, { numRuns: options.runs ?? FUZZ_RUNS, seed: FUZZ_SEED });
  const tally = new OutcomeTally();
  const failures: { caseNumber: number; reason: string }[] = [];
  const started = Date.now();
  await inParallel(inputs, FUZZ_CONCURRENCY, async (input, caseNumber) => {
    try {
      tally.add(await check(input, caseNumber));
    } catch (error) {
      failures.push({ caseNumber, reason: error instanceof Error ? error.message : String(error) });
    }
  });
  const summary = `${endpoint}: ${inputs.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s: ${tally}`;
  await testInfo.attach(`${endpoint} outcomes`, { body: summary, contentType: "text/plain" });
  console.log(`[fuzz] ${summary}`);
  if (failures.length > 0) {
    const shown = failures.sort((a, b) => a.caseNumber - b.caseNumber).slice(0, FAILURES_SHOWN);
    throw new Error(
      `${endpoint}: ${failures.length} of ${inputs.length} cases failed (FUZZ_SEED=${FUZZ_SEED}; cases ${failures.map((failure) => failure.caseNumber).join(", ")}).\n\n` +
        shown.map(({ caseNumber, reason }) => `case ${caseNumber}: ${reason}`).join("\n\n"),
    );
  }
  return tally;
}

/** Runs `work` on every item, at most `concurrency` at once. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** A fuzz case's verdict: thrown when an answer is wrong, and caught by `fuzz` with the exchange. */
export function must(condition: boolean, reason: string): asserts condition {
  if (!condition) throw new Error(reason);
}

/**
 * Sends one request and judges its answer with `judge`, which returns the outcome's name or
 * throws; a failure names the whole exchange. Statuses are checked first: `expected`, or the
 * answers the production server and Next give before any route sees the request (statusesFor).
 * Those early answers, and the guard's refusals, are judged here, the same for every endpoint;
 * `judge` sees the rest.
 */
export function ask(request: TFuzzRequest, expected: number[], judge: (response: TFuzzResponse) => string): Promise<string> {
  return exchange(request, "under", (response) => {
    const statuses = statusesFor(request, expected);
    must(response.status < 500, `a server error`);
    must(statuses.includes(response.status), `status ${response.status}, expected one of ${statuses.join(", ")}`);
    if (hasBrokenPathEscape(request.path)) {
      must(request.method === "HEAD" || response.body.includes(APP_ERRORS.MALFORMED_URL.message), "a broken %-escape refused without saying so");
      return "400 MALFORMED_URL";
    }
    const guardCode = GUARD_REFUSALS[response.status];
    if (guardCode) {
      must(errorCodeOf(response) === guardCode, `a ${response.status} that is not the guard's ${guardCode}`);
      return `${response.status} ${guardCode}`;
    }
    return expected.includes(response.status) ? judge(response) : String(response.status);
  });
}

/** A request over Node's header limit, which Node refuses as too long (431, or 414 for a long URL) before the app sees it. */
export function askOversized(request: TFuzzRequest): Promise<string> {
  return exchange(request, "over", (response) => {
    must([414, 431].includes(response.status), `status ${response.status}, expected 414 or 431`);
    return String(response.status);
  });
}

async function exchange(request: TFuzzRequest, headerLimit: "under" | "over", judge: (response: TFuzzResponse) => string): Promise<string> {
  let response: TFuzzResponse | undefined;
  try {
    const over = headBytes(request) > NODE_MAX_HEADER_BYTES;
    must(
      over === (headerLimit === "over"),
      over ? "a case over Node's header limit: fuzz-inputs.ts keeps ordinary cases under it" : "an oversized case under the limit",
    );
    response = await send(request);
    return judge(response);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${describeExchange(request, response)}`);
  }
}

/**
 * The statuses a request may get. A path that does not decode gets the production server's
 * 400 before anything else looks at it (lib/pipeline/refuse-broken-path-escape.ts). Otherwise
 * `expected`, plus the redirects any request may meet whatever its endpoint: Next sends a
 * request marked as a React Server Components fetch (`RSC: 1`) that lacks its cache-busting
 * `_rsc` parameter to the same URL with one (307), and an empty path segment makes a trailing
 * slash, which it removes (308).
 */
function statusesFor(request: TFuzzRequest, expected: number[]): number[] {
  if (hasBrokenPathEscape(request.path)) return [400];
  const rsc = request.headers && "rsc" in request.headers ? [307] : [];
  const trailingSlash = /\/\/|\/(\?|$)/.test(request.path) ? [308] : [];
  return [...expected, ...rsc, ...trailingSlash];
}

// The refusals the production server makes before any route runs (lib/pipeline/request-guard.ts),
// by status: each is answered in the JSON API's error shape, on pages too. (The JSON API's own
// 413 for a body over its limit has the same code.)
const GUARD_REFUSALS: Partial<Record<number, TAppErrorCode>> = { 403: "CROSS_SITE_REQUEST", 411: "LENGTH_REQUIRED", 413: "PAYLOAD_TOO_LARGE" };

type TErrorBody = { error?: { code?: unknown; message?: unknown } };

/** The JSON API error body's code, after checking the body has the shape: a code, and a message a person can act on. */
function errorCodeOf(response: TFuzzResponse): string {
  must(/^application\/json/.test(String(response.headers["content-type"])), "an error that is not JSON");
  let body: TErrorBody;
  try {
    body = JSON.parse(response.body) as TErrorBody;
  } catch {
    throw new Error("an error body that does not parse");
  }
  must(typeof body.error?.code === "string", "an error body without a code");
  must(body.error.code !== "INTERNAL", "the generic error that stands for a bug");
  must(typeof body.error.message === "string" && body.error.message.length > 0, "an error body without a message");
  return body.error.code;
}

/**
 * A JSON API answer to a hostile request: a status we expect, and for a refusal the API's error
 * body. The outcome's name is the status and, for a refusal, its code.
 */
export function askApi(request: TFuzzRequest, expected: number[]): Promise<string> {
  return ask(request, expected, (response) => (response.status < 400 ? String(response.status) : `${response.status} ${errorCodeOf(response)}`));
}

// What a page shows when it failed on our side: the error boundary (app/error.tsx), a server
// action's generic failure (lib/errors/app-error.ts), Next's bare 500.
const FAILED_PAGE = ["We could not show this page", APP_ERRORS.INTERNAL.message.split(".")[0]!, "Internal Server Error"];

/**
 * A page's answer to a hostile request: a status we expect, and no sign of a failure on our
 * side. `judge` names the outcome (by default, the status; a guard's refusal, by its code).
 */
export function askPage(
  request: TFuzzRequest,
  expected: number[],
  judge: (response: TFuzzResponse) => string = (response) => String(response.status),
): Promise<string> {
  return ask(request, expected, (response) => {
    for (const sign of FAILED_PAGE) must(!response.body.includes(sign), `a page showing "${sign}"`);
    return judge(response);
  });
}

/** For answers that are not ours to shape (Auth.js's, preflights, HEAD): the status alone. */
export function askForStatus(request: TFuzzRequest, expected: number[]): Promise<string> {
  return ask(request, expected, (response) => String(response.status));
}
