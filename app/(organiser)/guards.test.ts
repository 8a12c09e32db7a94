import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The organiser side is where drafts, signers and delivery live. Its authorisation is only as
// good as the one entry point nobody forgot: every page, server action and route handler under
// app/(organiser) must go through one of the guards below. A new file that does not fails here.
//
// Calls, not text: the files are parsed (TypeScript's own parser) and each entry point must
// *call* a guard. A comment, a string or an unused import naming a guard does not count.

const ROOT = path.resolve(__dirname);

const PAGE_GUARDS = ["requireOrganiserPage", "requireSignedInPage", "requireAdminPage"];
const ACTION_GUARDS = ["runLetterAction", "runLetterActionForResult", "runAccountAction"];
const ROUTE_GUARDS = ["runLetterRoute"];

function filesNamed(directory: string, test: (name: string) => boolean): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesNamed(full, test);
    return test(entry.name) ? [full] : [];
  });
}

function parse(file: string, source = readFileSync(file, "utf8")): ts.SourceFile {
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Every function called by name anywhere under `node`: `guard(…)`, `await guard(…)`. */
function calledNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: ts.Node) => {
    if (ts.isCallExpression(child) && ts.isIdentifier(child.expression)) names.add(child.expression.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);

/** Each exported function (`export [default] [async] function`, `export const f = … =>`), by name. */
type TExportedFunction = { name: string; node: ts.Node; isDefault: boolean };

function exportedFunctions(source: ts.SourceFile): TExportedFunction[] {
  return source.statements.flatMap((statement): TExportedFunction[] => {
    if (ts.isFunctionDeclaration(statement) && isExported(statement))
      return [{ name: statement.name?.text ?? "default", node: statement, isDefault: isDefault(statement) }];
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      return statement.declarationList.declarations
        .filter((declaration) => declaration.initializer && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer)))
        .map((declaration) => ({ name: declaration.name.getText(source), node: declaration, isDefault: false }));
    }
    return [];
  });
}

/** The exported functions of a file that call none of `guards`. */
function unguardedExports(file: string, guards: string[], source?: string): string[] {
  return exportedFunctions(parse(file, source))
    .filter((fn) => !guards.some((guard) => calledNames(fn.node).has(guard)))
    .map((fn) => fn.name);
}

const relative = (file: string) => path.relative(ROOT, file);
const isHandler = (name: string) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(name);

describe("the guard check itself", () => {
  it("counts a call, and not a comment, a string or a guard that is only passed around", () => {
    const source = [
      `export async function called(state: unknown) { return runLetterAction(save, "id", state); }`,
      `export async function commented() { /* runLetterAction(save) */ return save(); }`,
      `export async function quoted() { return "runLetterAction(save)"; }`,
      `export const referenced = async () => { const guard = runLetterAction; return save(guard); };`,
      `export const arrow = async () => runAccountAction(save, {});`,
    ].join("\n");
    expect(unguardedExports("sample.ts", ACTION_GUARDS, source)).toEqual(["commented", "quoted", "referenced"]);
  });
});

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
    const page = exportedFunctions(parse(file)).find((fn) => fn.isDefault);
    expect(page, "a page exports a default component").toBeDefined();
    expect(PAGE_GUARDS.some((guard) => calledNames(page!.node).has(guard))).toBe(true);
  });

  it.each(serverFiles.map((file) => [relative(file), file]))("every server action in %s runs through the organiser action runner", (_name, file) => {
    expect(exportedFunctions(parse(file)).length).toBeGreaterThan(0);
    expect(unguardedExports(file, ACTION_GUARDS)).toEqual([]);
  });

  it.each(routes.map((file) => [relative(file), file]))("route %s authorises the organiser", (_name, file) => {
    const handlers = exportedFunctions(parse(file)).filter((fn) => isHandler(fn.name));
    expect(handlers.length).toBeGreaterThan(0);
    expect(unguardedExports(file, ROUTE_GUARDS).filter(isHandler)).toEqual([]);
  });
});
