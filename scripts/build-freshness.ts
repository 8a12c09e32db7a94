import { readdir, stat } from "node:fs/promises";
import path from "node:path";

// Everything that goes into `next build`. Generated and data folders are left out on purpose.
const SOURCES = [
  "app",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", ".next", ".data", "generated"]);

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true });
  const times = await Promise.all(entries.filter((entry) => !SKIP.has(entry.name)).map((entry) => newestMtime(path.join(target, entry.name))));
  return Math.max(info.mtimeMs, ...times);
}

/** True when there is no production build, or a source file changed after it was made. */
export async function isBuildStale(projectRoot: string): Promise<boolean> {
  const built = await stat(path.join(projectRoot, ".next", "BUILD_ID")).catch(() => null);
  if (!built) return true;
  const sources = await Promise.all(SOURCES.map((source) => newestMtime(path.join(projectRoot, source))));
  return Math.max(...sources) > built.mtimeMs;
}
