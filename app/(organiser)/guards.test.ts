import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The organiser side is where drafts, signers and delivery live. Its authorisation is only as
// good as the one entry point nobody forgot: every page, server action and route handler under
// app/(organiser) must go through one of the guards below. A new file that does not fails here.

const ROOT = path.resolve(__dirname);

const PAGE_GUARDS = ["requireOrganiserPage(", "requireSignedInPage(", "requireAdminPage("];
const ACTION_GUARDS = ["runLetterAction(", "runLetterActionForResult(", "runAccountAction("];
const ROUTE_GUARDS = ["runLetterRoute("];

function filesNamed(directory: string, test: (name: string) => boolean): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesNamed(full, test);
    return test(entry.name) ? [full] : [];
  });
}

/** Each exported function's source, from `export async function name(` to the next top-level export. */
function exportedFunctions(source: string): { name: string; body: string }[] {
  const starts = [...source.matchAll(/^export (?:async )?function (\w+)/gm)];
  return starts.map((match, index) => ({
    name: match[1] ?? "?",
    body: source.slice(match.index, starts[index + 1]?.index ?? source.length),
  }));
}

const relative = (file: string) => path.relative(ROOT, file);

describe("every organiser entry point is guarded", () => {
  const pages = filesNamed(ROOT, (name) => name === "page.tsx");
  const serverFiles = filesNamed(ROOT, (name) => /\.tsx?$/.test(name)).filter((file) => /^["']use server["']/m.test(readFileSync(file, "utf8")));
  const routes = filesNamed(ROOT, (name) => name === "route.ts");

  it("finds the organiser pages and actions at all", () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(serverFiles.length).toBeGreaterThanOrEqual(3);
    expect(routes.map(relative)).toContain(path.join("organise", "letters", "[id]", "export.csv", "route.ts"));
  });

  it.each(pages.map((file) => [relative(file), file]))("page %s checks who is asking", (_name, file) => {
    const source = readFileSync(file, "utf8");
    expect(PAGE_GUARDS.some((guard) => source.includes(guard))).toBe(true);
  });

  it.each(serverFiles.map((file) => [relative(file), file]))("every server action in %s runs through the organiser action runner", (_name, file) => {
    const functions = exportedFunctions(readFileSync(file, "utf8"));
    expect(functions.length).toBeGreaterThan(0);
    const unguarded = functions.filter((fn) => !ACTION_GUARDS.some((guard) => fn.body.includes(guard))).map((fn) => fn.name);
    expect(unguarded).toEqual([]);
  });

  it.each(routes.map((file) => [relative(file), file]))("route %s authorises the organiser", (_name, file) => {
    const functions = exportedFunctions(readFileSync(file, "utf8"));
    expect(functions.length).toBeGreaterThan(0);
    const unguarded = functions.filter((fn) => !ROUTE_GUARDS.some((guard) => fn.body.includes(guard))).map((fn) => fn.name);
    expect(unguarded).toEqual([]);
  });
});
