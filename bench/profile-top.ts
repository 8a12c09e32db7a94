/**
 * `npx tsx bench/profile-top.ts bench/profiles/CPU….cpuprofile [N]`: the N frames with the most
 * self time in a V8 CPU profile (from `npm run bench -- --profile`), and the same time summed by
 * package, so a profile can be read (and quoted) without a browser.
 */
import { readFileSync } from "node:fs";

type TNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
const [file, count = "15"] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-top.ts <file.cpuprofile> [N]");
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: TNode[]; samples: number[]; timeDeltas: number[] };
const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
const byFrame = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/node_modules\//, "")
    .replace(/^.*\/\.next\//, ".next/");
  const frame = `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
  byFrame.set(frame, (byFrame.get(frame) ?? 0) + ms);
  const pkg =
    url === ""
      ? `(${functionName})`
      : url.includes("/node_modules/")
        ? (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? "?")
        : url.startsWith("node:")
          ? "node core"
          : url.includes("/.next/")
            ? ".next bundle"
            : "project";
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
}
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title} (of ${Math.round(total)} ms sampled)`);
  for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
    console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
print("Self time by frame", byFrame);
print("Self time by package", byPackage);
