/**
 * `npm test`: every check the project has, in one run, ending with one line that sums them:
 * lint, formatting, type check, unit tests, integration tests on a PostgreSQL server, the same
 * integration tests on the embedded PostgreSQL, and end-to-end tests in Chromium against a
 * production build.
 * Every stage runs even when an earlier one fails, so one run shows everything that is wrong.
 *
 * `npm test -- unit e2e` runs only the named stages.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

type Counts = { passed: number; failed: number; skipped: number };
type Stage = { name: string; command: string[]; env?: Record<string, string>; count: (exitCode: number) => Counts };

const REPORTS = path.resolve(".test-results");
const bin = (name: string) => path.resolve("node_modules/.bin", name);

/** A check that is one pass or one fail, such as lint. */
const single = (exitCode: number): Counts => ({ passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 });

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; success: boolean };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

function readReport<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** A runner that exits non-zero without reporting a failed test (a crash, a broken setup) counts as one failure. */
function withCrash(counts: Counts, exitCode: number): Counts {
  return exitCode !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

function vitest(name: string, project: string, env: Record<string, string> = {}): Stage {
  const report = path.join(REPORTS, `${name}.json`);
  return {
    name,
    command: [bin("vitest"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
    count: (exitCode) => {
      const json = readReport<VitestReport>(report);
      const counts = json
        ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
        : { passed: 0, failed: 0, skipped: 0 };
      return withCrash(counts, exitCode);
    },
  };
}

function playwright(): Stage {
  const report = path.join(REPORTS, "e2e.json");
  return {
    name: "e2e",
    command: [bin("playwright"), "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    count: (exitCode) => {
      const stats = readReport<PlaywrightReport>(report)?.stats;
      const counts = stats ? { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped } : { passed: 0, failed: 0, skipped: 0 };
      return withCrash(counts, exitCode);
    },
  };
}

const STAGES: Stage[] = [
  { name: "lint", command: [bin("eslint"), "--max-warnings=0", "."], count: single },
  // Unformatted code fails the suite: `npm run format` fixes it (Prettier, .prettierrc.json).
  { name: "format", command: [bin("prettier"), "--check", "."], count: single },
  { name: "typecheck", command: [bin("tsc"), "--noEmit", "-p", "."], count: single },
  vitest("unit", "unit"),
  vitest("integration", "integration"),
  vitest("integration-embedded", "integration", { TEST_DB_KIND: "embedded" }),
  playwright(),
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !STAGES.some((stage) => stage.name === name));
if (unknown.length > 0) {
  console.error(`Unknown stage(s): ${unknown.join(", ")}. Stages: ${STAGES.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? STAGES.filter((stage) => wanted.includes(stage.name)) : STAGES;

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const results: (Counts & { name: string; seconds: number })[] = [];
for (const stage of selected) {
  console.log(`\n━━━ ${stage.name}: ${stage.command.map((part) => path.basename(part)).join(" ")}`);
  const started = performance.now();
  const run = spawnSync(stage.command[0]!, stage.command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, ...stage.env },
  });
  const exitCode = run.status ?? 1;
  results.push({ name: stage.name, seconds: (performance.now() - started) / 1000, ...stage.count(exitCode) });
}

console.log("\n━━━ summary");
for (const r of results) {
  const status = r.failed > 0 ? "FAIL" : "ok  ";
  console.log(
    `${status} ${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed` +
      `${r.skipped ? ` ${r.skipped} skipped` : ""}  (${r.seconds.toFixed(1)} s)`,
  );
}
const total = results.reduce((sum, r) => ({ passed: sum.passed + r.passed, failed: sum.failed + r.failed, skipped: sum.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
console.log(`total time ${seconds.toFixed(1)} s`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
