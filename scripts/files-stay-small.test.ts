import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// STYLE.md: small files, each about one thing. A file in lib/, app/ or scripts/ that grows past
// 250 lines is split, or says on a line of its own why it is not.
const LIMIT = 250;
const REASON = /^\/\/ Over 250 lines on purpose: \S/m;
const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe("source files", () => {
  it("stay within 250 lines, or say why not", () => {
    const files = ["lib", "app", "scripts"].flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(300);
    const long = files
      .filter((file) => {
        const text = readFileSync(file, "utf8");
        return text.split("\n").length - 1 > LIMIT && !REASON.test(text);
      })
      .map((file) => path.relative(ROOT, file));
    expect(long).toEqual([]);
  });
});
