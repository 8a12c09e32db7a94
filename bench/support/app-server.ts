import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { isBuildStale } from "../../scripts/build-freshness";
import { productionServerArgs } from "../../scripts/launch";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

export type TAppServer = {
  url: string;
  pid: number;
  /** SIGTERM: finishes requests in flight, then exits. */
  stop: () => Promise<void>;
  /** Sends `signal` and resolves once the process is gone (SIGKILL: a crash, for chaos runs). */
  kill: (signal: NodeJS.Signals) => Promise<void>;
};

/** Builds the app if the build is stale, as `npm start` would. */
export async function buildIfStale(projectRoot: string): Promise<void> {
  if (!(await isBuildStale(projectRoot))) return;
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

/**
 * The production server (scripts/production-server.ts) on `port`, ready once /api/ping answers.
 * Its stdout is dropped and its stderr inherited, unless `outputFd` (an open file) takes both.
 */
export async function startAppServer(options: { port: number; env: Record<string, string>; nodeArgs?: string[]; outputFd?: number }): Promise<TAppServer> {
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...productionServerArgs(options.port)], {
    stdio: options.outputFd === undefined ? ["ignore", "ignore", "inherit"] : ["ignore", options.outputFd, options.outputFd],
    env: { ...process.env, ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://localhost:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the app server did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return { url, pid: child.pid!, stop: () => kill("SIGTERM"), kill };
}
