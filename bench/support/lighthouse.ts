import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";

export type TPreset = "mobile" | "desktop";

/** One Lighthouse run, reduced to the figures the bench compares. */
export type TPageRun = {
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  cls: number;
  /** Lighthouse's "JavaScript execution time" (bootup-time): evaluation, parsing and compiling of every script. */
  bootupMs: number;
  mainThreadMs: number;
  scriptKb: number;
  /** Lighthouse's measure of this machine's speed during the run (higher is faster; a quiet developer machine scores 1,000–2,000). */
  benchmarkIndex: number;
  /** The scripts that cost the most main-thread time, with their share (bootup-time's items). */
  topScripts: { url: string; totalMs: number; scriptingMs: number; parseMs: number }[];
};

/**
 * Debian's Chromium with a DevTools port, shared by every run of one bench: Lighthouse opens a
 * fresh tab per run and clears the cache and storage of the origin before loading it. The
 * networking flags keep it from reaching for Google's services on a closed network.
 */
export async function launchChromium(debugPort: number): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "undersigned-lighthouse-"));
  const child: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? "/usr/bin/chromium",
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-default-apps",
      "--disable-extensions",
      "--no-first-run",
      "--disable-quic",
      `--remote-debugging-port=${debugPort}`,
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${debugPort}/json/version`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error("Chromium did not open its DevTools port within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    }
    await rm(profile, { recursive: true, force: true });
  };
  return { port: debugPort, close };
}

const numeric = (lhr: Result, audit: string): number => lhr.audits[audit]?.numericValue ?? Number.NaN;

type TBootupItem = { url: string; total: number; scripting: number; scriptParseCompile: number };
type TResourceItem = { resourceType: string; transferSize: number };

/** Runs Lighthouse's performance category once (simulated throttling, the preset's defaults). */
export async function runLighthouse(url: string, preset: TPreset, chromePort: number): Promise<{ run: TPageRun; lhr: Result }> {
  const flags: Flags = { port: chromePort, output: "json", logLevel: "error", onlyCategories: ["performance"] };
  const result = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const bootupItems = ((lhr.audits["bootup-time"]?.details as { items?: TBootupItem[] } | undefined)?.items ?? []).slice(0, 6);
  const resources = (lhr.audits["resource-summary"]?.details as { items?: TResourceItem[] } | undefined)?.items ?? [];
  const scriptBytes = resources.find((item) => item.resourceType === "script")?.transferSize ?? 0;
  const run: TPageRun = {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbtMs: Math.round(numeric(lhr, "total-blocking-time")),
    lcpMs: Math.round(numeric(lhr, "largest-contentful-paint")),
    fcpMs: Math.round(numeric(lhr, "first-contentful-paint")),
    cls: +numeric(lhr, "cumulative-layout-shift").toFixed(3),
    bootupMs: Math.round(numeric(lhr, "bootup-time")),
    mainThreadMs: Math.round(numeric(lhr, "mainthread-work-breakdown")),
    scriptKb: Math.round(scriptBytes / 1024),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    topScripts: bootupItems.map((item) => ({
      url: item.url.replace(/^https?:\/\/[^/]+/, ""),
      totalMs: Math.round(item.total),
      scriptingMs: Math.round(item.scripting),
      parseMs: Math.round(item.scriptParseCompile),
    })),
  };
  return { run, lhr };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * The median of each figure across runs, taken separately (a run that is slow on one metric
 * does not drag the others), and the top scripts of the run whose TBT is the median one.
 */
export function medianRun(runs: TPageRun[]): TPageRun {
  const of = (pick: (run: TPageRun) => number) => median(runs.map(pick));
  const middle = [...runs].sort((a, b) => a.tbtMs - b.tbtMs)[Math.floor((runs.length - 1) / 2)]!;
  return {
    score: Math.round(of((run) => run.score)),
    tbtMs: Math.round(of((run) => run.tbtMs)),
    lcpMs: Math.round(of((run) => run.lcpMs)),
    fcpMs: Math.round(of((run) => run.fcpMs)),
    cls: +of((run) => run.cls).toFixed(3),
    bootupMs: Math.round(of((run) => run.bootupMs)),
    mainThreadMs: Math.round(of((run) => run.mainThreadMs)),
    scriptKb: Math.round(of((run) => run.scriptKb)),
    benchmarkIndex: Math.round(of((run) => run.benchmarkIndex)),
    topScripts: middle.topScripts,
  };
}
