import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

// Next lists every experimental setting it was given, with "⨯" before one set to false. Ours is
// off on purpose (next.config.js says why), and a cross in start-up output reads as a failure.
const DELIBERATE_SETTINGS: Record<string, string> = {
  isrFlushToDisk: "off on purpose: rendered pages are cached in memory only (next.config.js)",
};

/** One line of `next build`'s output, with a deliberate setting said as such. */
export function explainBuildLine(line: string): string {
  const match = /^(\s*)⨯ (\w+)\s*$/.exec(line);
  const why = match ? DELIBERATE_SETTINGS[match[2]!] : undefined;
  return match && why ? `${match[1]}· ${match[2]} ${why}` : line;
}

/** Runs `next build`, streaming its output line by line as it comes; resolves to its exit code. */
export function runNextBuild(nextBin: string, env: NodeJS.ProcessEnv): Promise<number> {
  const build = spawn(process.execPath, [nextBin, "build"], { stdio: ["inherit", "pipe", "inherit"], env });
  createInterface({ input: build.stdout }).on("line", (line) => process.stdout.write(`${explainBuildLine(line)}\n`));
  return new Promise((resolve) => build.on("close", (code) => resolve(code ?? 1)));
}
