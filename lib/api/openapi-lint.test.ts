import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

// The two linters API consumers and their tooling run on a published OpenAPI document, with
// their stock rule sets, run here as their command-line tools: whoever points them at
// /api/v1/openapi.json (of a production instance, or of `npm start` on localhost) gets no
// error and no warning. Both run offline.

const run = promisify(execFile);
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const APP_URLS = ["https://letters.undersigned.test", "http://localhost:3000"];

// A document without what the linters ask for, as it was before: proof that the linters run,
// read the document and report, so that the clean result means something.
function bareDocument() {
  const { security: _security, tags: _tags, ...document } = buildOpenApiDocument(APP_URLS[0]!);
  const { license: _license, contact: _contact, ...info } = document.info;
  return { ...document, info, servers: [{ url: "https://example.com/api/v1" }] };
}

let dir: string;
let files: string[];
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "undersigned-openapi-lint-"));
  // The stock rule sets, named rather than left to each tool's default.
  await writeFile(path.join(dir, "redocly.yaml"), "extends:\n  - recommended\n");
  await writeFile(path.join(dir, ".spectral.yaml"), 'extends: ["spectral:oas"]\n');
  const documents = [...APP_URLS.map((appUrl) => buildOpenApiDocument(appUrl)), bareDocument()];
  files = documents.map((_, index) => path.join(dir, `openapi-${index}.json`));
  await Promise.all(documents.map((document, index) => writeFile(files[index]!, JSON.stringify(document, null, 2))));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type TProblem = { file: string; rule: string; message: string };

/** Redocly's problems in each file. It prints one JSON report per file, one after another. */
async function redocly(paths: string[]): Promise<TProblem[]> {
  // It exits 1 when it finds an error: the report is read either way.
  const { stdout } = await run(bin("redocly"), ["lint", ...paths, "--format=json", "--config", path.join(dir, "redocly.yaml")], {
    cwd: dir,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
  }).catch((error: { stdout: string }) => error);
  const reports = JSON.parse(`[${stdout.replace(/\}\s*\{\s*"totals"/g, '},{"totals"')}]`) as {
    problems: { ruleId: string; message: string; location: { source: { ref: string } }[] }[];
  }[];
  expect(reports).toHaveLength(paths.length);
  return reports.flatMap((report) =>
    report.problems.map((problem) => ({ file: path.basename(problem.location[0]!.source.ref), rule: problem.ruleId, message: problem.message })),
  );
}

/** Spectral's results of every severity (error, warning, information, hint) in each file. */
async function spectral(paths: string[]): Promise<TProblem[]> {
  const output = path.join(dir, "spectral.json");
  await run(
    bin("spectral"),
    ["lint", ...paths, "--ruleset", path.join(dir, ".spectral.yaml"), "--format", "json", "--output", output, "--fail-severity", "hint"],
    { cwd: dir },
  ).catch(() => undefined);
  const results = JSON.parse(await readFile(output, "utf8")) as { source: string; code: string; message: string }[];
  return results.map((result) => ({ file: path.basename(result.source), rule: result.code, message: result.message }));
}

describe("the OpenAPI document, by outside linters", () => {
  it(
    "has no error or warning from Redocly (recommended) or Spectral (spectral:oas), served at a public address or at localhost",
    { timeout: 90_000 },
    async () => {
      const [redoclyProblems, spectralProblems] = await Promise.all([redocly(files), spectral(files)]);
      const served = (problems: TProblem[]) =>
        problems.filter((problem) => problem.file !== "openapi-2.json").map((problem) => `${problem.file} ${problem.rule}: ${problem.message}`);
      expect(served(redoclyProblems)).toEqual([]);
      expect(served(spectralProblems)).toEqual([]);

      const rulesBrokenByBare = (problems: TProblem[]) =>
        new Set(problems.filter((problem) => problem.file === "openapi-2.json").map((problem) => problem.rule));
      expect(rulesBrokenByBare(redoclyProblems)).toEqual(new Set(["security-defined", "info-license", "no-server-example.com"]));
      expect(rulesBrokenByBare(spectralProblems)).toEqual(new Set(["info-contact", "operation-tag-defined"]));
    },
  );
});
