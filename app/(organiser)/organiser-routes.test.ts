import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A route handler under app/(organiser) that answered without runLetterRoute would skip the
// one authorisation path (signed out 401, stranger 404). This test fails the suite if one does.
const ROOT = path.resolve(import.meta.dirname);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("organiser route handlers", () => {
  const files = routeFiles(ROOT);

  it("exist (so this test is looking in the right place)", () => {
    expect(files.map((file) => path.relative(ROOT, file))).toContain(path.join("organise", "letters", "[id]", "export.csv", "route.ts"));
  });

  it.each(files.map((file) => [path.relative(ROOT, file), file]))("%s answers through runLetterRoute", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const handlers = [...source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)];
    expect(handlers.length).toBeGreaterThan(0);
    expect(source).toMatch(/import \{[^}]*\brunLetterRoute\b[^}]*\} from "@\/lib\/server\/organiser-route"/);
    expect(source.match(/\brunLetterRoute\(/g)?.length ?? 0).toBeGreaterThanOrEqual(handlers.length);
  });
});
