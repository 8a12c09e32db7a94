import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ACCOUNT_ACTIONS, LETTER_ACTIONS } from "./all-organiser-actions";

// The authorisation matrix (authorisation.integration.test.ts) walks LETTER_ACTIONS and
// ACCOUNT_ACTIONS. This finds every action the code defines (each `export const x =
// defineLetterAction(…)` or `defineAccountAction(…)` under lib/, found by parsing, not by
// searching text) and fails if one is missing from those lists: a new action cannot escape it.

const LIB = path.resolve(__dirname, "..");
const DEFINERS = new Set(["defineLetterAction", "defineAccountAction"]);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The definer a node calls, if any (anywhere inside it). */
function definerCalledIn(node: ts.Node): string | undefined {
  let found: string | undefined;
  const visit = (child: ts.Node) => {
    if (!found && ts.isCallExpression(child) && ts.isIdentifier(child.expression) && DEFINERS.has(child.expression.text)) found = child.expression.text;
    if (!found) ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * `export const name = defineLetterAction(…)` and its account twin, in one file, and exports
 * made by a local factory that calls one (set-signature-visibility.ts makes two that way).
 */
function definedActions(file: string): { name: string; definer: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const factories = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      const definer = definerCalledIn(statement);
      if (definer) factories.set(statement.name.text, definer);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer;
        if (value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) {
          const definer = definerCalledIn(value);
          if (definer) factories.set(declaration.name.getText(source), definer);
        }
      }
    }
  }
  return source.statements.flatMap((statement) => {
    if (!ts.isVariableStatement(statement) || !(ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
    return statement.declarationList.declarations.flatMap((declaration) => {
      const call = declaration.initializer;
      if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return [];
      const definer = DEFINERS.has(call.expression.text) ? call.expression.text : factories.get(call.expression.text);
      return definer ? [{ name: declaration.name.getText(source), definer }] : [];
    });
  });
}

describe("the list of organiser actions", () => {
  const defined = sourceFiles(LIB).flatMap((file) => definedActions(file).map((action) => ({ ...action, file })));

  it("finds the actions at all", () => {
    // Every listed action is found (the lists hold nothing else), so the check below covers them all.
    expect(defined.length).toBe(LETTER_ACTIONS.length + ACCOUNT_ACTIONS.length);
  });

  it.each(defined.map((action) => [`${path.relative(LIB, action.file)}: ${action.name}`, action] as const))(
    "lists %s for the authorisation matrix",
    async (_label, action) => {
      const exported = (await import(action.file)) as Record<string, unknown>;
      const list: unknown[] = action.definer === "defineLetterAction" ? LETTER_ACTIONS : ACCOUNT_ACTIONS;
      expect(list).toContain(exported[action.name]);
      // One naming style: an action is named as it is exported, which is how logs name it too.
      expect((exported[action.name] as { name: string }).name).toBe(action.name);
    },
  );
});
