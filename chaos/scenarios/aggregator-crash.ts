import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Checks } from "../support/checks";
import type { TScenario } from "../support/scenario";

const TEST_FILE = "lib/counts/counts.integration.test.ts";
const TEST_NAME = "loses nothing when the aggregator dies in the middle of a batch";

type TVitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { assertionResults: { title: string; status: string; duration?: number }[] }[];
};

/**
 * The aggregator's guarantee already has its integration test, which kills the fold's own
 * database session midway through its transaction (pg_terminate_backend on exactly the backend
 * waiting on the test's lock), then folds again and compares with the exact recount. Chaos runs
 * that test rather than a copy of it.
 */
export const aggregatorCrash: TScenario = {
  name: "aggregator-crash",
  claim: "The aggregator crashes mid-batch: totals stay exact after the next run.",
  async run() {
    const checks = new Checks();
    const reportDir = mkdtempSync(path.join(os.tmpdir(), "undersigned-chaos-vitest-"));
    const reportFile = path.join(reportDir, "report.json");
    try {
      const startedAt = Date.now();
      const run = spawnSync(
        path.resolve("node_modules/.bin/vitest"),
        ["run", "--project", "integration", TEST_FILE, "-t", TEST_NAME, "--reporter=json", `--outputFile=${reportFile}`],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      const report = JSON.parse(readFileSync(reportFile, "utf8")) as TVitestReport;
      const ran = report.testResults.flatMap((file) => file.assertionResults).filter((test) => test.status !== "skipped" && test.status !== "pending");
      checks.that(
        "the integration test ran (exactly that one test)",
        ran.length === 1 && ran[0]?.title === TEST_NAME,
        ran.map((test) => test.title).join("; ") || "none ran",
      );
      checks.that(
        "a fold killed midway loses nothing and the next fold is exact",
        run.status === 0 && report.numFailedTests === 0 && report.numPassedTests === 1,
        `vitest exit ${run.status}, ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
      );
      return {
        checks: checks.list,
        figures: { test: `${TEST_FILE} › ${TEST_NAME}`, vitestExitCode: run.status, testMs: ran[0]?.duration ?? null, wallMs: Date.now() - startedAt },
      };
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  },
};
