/**
 * `npm run bench:pages`: Lighthouse (performance category, simulated throttling) on the pages a
 * visitor opens, against a production build on a throwaway PostgreSQL database holding the demo
 * letter: the home page, the demo letter, its signatures page, and /floor — a page of the same
 * build with the root layout and nothing else, the framework's floor. Mobile and desktop
 * presets, three runs each (`--runs N`), median; the runs are interleaved (run 1 of every page,
 * then run 2…) so a busy moment on the machine lands on every page alike. Lighthouse scales its
 * simulated phone from this machine's speed: compare pages within one run (the ratios to the
 * floor), not with figures from another machine. Prints a table and writes
 * bench/pages-results.json; `--save-reports` also keeps every Lighthouse JSON in bench/lighthouse/.
 *
 * BENCH_DATABASE_URL: a PostgreSQL database to use (default: a throwaway one on
 * TEST_DATABASE_URL's server, dropped afterwards). BENCH_PORT (default 3900): the app; the
 * next port: the SMTP sink; BENCH_PORT+2: Chromium's DevTools port.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { seedDemoLetter } from "@/lib/letters/seed-demo-letter";
import { createThrowawayDatabase, type TThrowawayDatabase } from "@/tests/support/throwaway-database";
import { buildIfStale, startAppServer, type TAppServer } from "./support/app-server";
import { launchChromium, median, medianRun, runLighthouse, type TPageRun, type TPreset } from "./support/lighthouse";
import { startSmtpSink } from "./support/smtp-sink";

const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag >= 0 ? Math.max(1, Number(process.argv[runsFlag + 1])) : 3;
const saveReports = process.argv.includes("--save-reports");
const listFlag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? new Set(process.argv[at + 1]?.split(",")) : null;
};
// `--pages letter,floor` / `--presets mobile`: a quicker look while working on one page.
const onlyPages = listFlag("--pages");
const onlyPresets = listFlag("--presets");
const port = Number(process.env.BENCH_PORT ?? 3900);
const root = process.cwd();

const ALL_PAGES = [
  { name: "floor", path: "/floor" },
  { name: "home", path: "/" },
  { name: "letter", path: `/letters/${DEMO_LETTER_SLUG}` },
  { name: "signatures", path: `/letters/${DEMO_LETTER_SLUG}/signatures` },
] as const;
const PAGES = ALL_PAGES.filter((page) => page.name === "floor" || !onlyPages || onlyPages.has(page.name));
const PRESETS = (["mobile", "desktop"] as TPreset[]).filter((preset) => !onlyPresets || onlyPresets.has(preset));

type TRow = { page: string; path: string; preset: TPreset; runs: TPageRun[]; median: TPageRun };

async function main() {
  const started = performance.now();
  let throwaway: TThrowawayDatabase | undefined;
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? (throwaway = await createThrowawayDatabase("undersigned_bench_pages")).url;
  let app: TAppServer | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const smtp = await startSmtpSink(port + 1);
  const cleanUp = async () => {
    await chromium?.close();
    await app?.stop();
    await smtp.close();
    await throwaway?.drop();
  };
  // A run cut short (Ctrl-C, a timeout) still stops the app and Chromium and drops its database.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    await applyMigrations(databaseUrl, path.join(root, "prisma", "migrations"));
    const db = createPrismaClient(databaseUrl, { poolSize: 1 });
    // On a machine this busy, the seed's transaction can outlive Prisma's interactive-transaction
    // timeout (it rolls back whole); a second try is cheaper than rerunning the bench.
    await retry(() => seedDemoLetter(db), 3).finally(() => db.$disconnect());
    console.log(`Building if stale, then starting the app on :${port}…`);
    await buildIfStale(root);
    app = await startAppServer({
      port,
      env: {
        DATABASE_URL: databaseUrl,
        APP_URL: `http://localhost:${port}`,
        AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0000",
        EMAIL_HMAC_KEY: "bench-email-key-bench-email-key-bench-00000",
        SMTP_URL: smtp.url,
        EMAIL_FROM: "Undersigned <bench@undersigned.test>",
      },
    });
    // The first request renders each page (the letter is then served from Next's cache, as a
    // visitor would get it); Lighthouse should measure the page, not the first render.
    for (const page of PAGES) {
      const response = await fetch(`${app.url}${page.path}`);
      if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
      await response.arrayBuffer();
    }
    chromium = await launchChromium(port + 2);
    const reportDir = path.join(root, "bench", "lighthouse");
    if (saveReports) await mkdir(reportDir, { recursive: true });

    const rows: TRow[] = PRESETS.flatMap((preset) => PAGES.map((page) => ({ page: page.name, path: page.path, preset, runs: [], median: undefined! })));
    for (let run = 1; run <= RUNS; run += 1) {
      for (const row of rows) {
        const { run: result, lhr } = await runLighthouseWithRetry(`${app.url}${row.path}`, row.preset, chromium.port);
        row.runs.push(result);
        console.log(`  run ${run}/${RUNS} ${row.preset} ${row.page}: score ${result.score}, TBT ${result.tbtMs} ms, boot-up ${result.bootupMs} ms`);
        if (saveReports) await writeFile(path.join(reportDir, `${row.page}-${row.preset}-${run}.json`), JSON.stringify(lhr));
      }
    }
    for (const row of rows) row.median = medianRun(row.runs);

    // Two views of the same ratio: of the medians, and the median of each run's own ratio (the
    // floor and the page measured a minute apart), which a load spike on one run sways less.
    const ratio = (a: number, b: number) => (b === 0 ? null : +(a / b).toFixed(2));
    const ratios = PRESETS.flatMap((preset) => {
      const floor = rows.find((row) => row.preset === preset && row.page === "floor")!;
      return rows
        .filter((row) => row.preset === preset && row.page !== "floor")
        .map((row) => {
          const paired = row.runs.map((run, i) => ratio(run.tbtMs, floor.runs[i]!.tbtMs)).filter((value): value is number => value !== null);
          return {
            name: `${row.page}/floor TBT, ${preset}`,
            ofMedians: ratio(row.median.tbtMs, floor.median.tbtMs),
            pairedMedian: paired.length ? +median(paired).toFixed(2) : null,
            paired,
          };
        });
    });
    printTable(rows, ratios);
    const results = {
      date: new Date().toISOString(),
      runs: RUNS,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((load) => +load.toFixed(2)),
      node: process.version,
      rows: rows.map(({ page, path: pagePath, preset, median, runs }) => ({
        page,
        path: pagePath,
        preset,
        median,
        runs: runs.map(({ topScripts: _top, ...figures }) => figures),
      })),
      ratios,
      elapsedSeconds: Math.round((performance.now() - started) / 1000),
    };
    await writeFile(path.join(root, "bench", "pages-results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Wrote bench/pages-results.json (${results.elapsedSeconds} s in all; load average at the end ${results.loadAverage.join(", ")}).`);
  } finally {
    await cleanUp();
  }
}

async function retry<T>(work: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.log(`  seeding failed (${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}); trying again`);
    }
  }
}

type TRatio = { name: string; ofMedians: number | null; pairedMedian: number | null; paired: number[] };

function printTable(rows: TRow[], ratios: TRatio[]) {
  console.log(`\nMedians of ${RUNS} run(s):\n`);
  console.log(
    "| page | preset | score | TBT ms | LCP ms | CLS | boot-up ms | main thread ms | script KB | machine index |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const { page, preset, median: m } of rows) {
    console.log(
      `| ${page} | ${preset} | ${m.score} | ${m.tbtMs} | ${m.lcpMs} | ${m.cls} | ${m.bootupMs} | ${m.mainThreadMs} | ${m.scriptKb} | ${m.benchmarkIndex} |`,
    );
  }
  const shown = (value: number | null) => (value === null ? "– (floor TBT 0)" : `${value}×`);
  console.log("\nTBT against the floor page (same run): ratio of the medians; median of the per-run ratios [each run]");
  for (const entry of ratios) console.log(`  ${entry.name}: ${shown(entry.ofMedians)}; ${shown(entry.pairedMedian)} [${entry.paired.join(", ")}]`);
  console.log("\nCostliest scripts (boot-up, the median run), letter page:");
  for (const row of rows.filter((entry) => entry.page === "letter")) {
    console.log(`  ${row.preset}:`);
    for (const script of row.median.topScripts)
      console.log(`    ${script.totalMs} ms (scripting ${script.scriptingMs}, parse ${script.parseMs}) ${script.url}`);
  }
}

await main();

/**
 * Lighthouse now and then fails to record a trace (NO_NAVSTART, seen here on a quiet machine) and
 * reports a runtime error instead of figures: that run is made again, twice at most, rather than
 * losing every run made so far.
 */
async function runLighthouseWithRetry(...args: Parameters<typeof runLighthouse>): ReturnType<typeof runLighthouse> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runLighthouse(...args);
    } catch (error) {
      if (attempt >= 3 || !/Lighthouse on .*: [A-Z_]+ /.test(String(error))) throw error;
      console.log(`  (${String(error).split(".")[0]}; running it again)`);
    }
  }
}
