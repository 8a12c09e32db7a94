import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { superviseJobsProcess } from "./supervise-jobs-process";

// A stand-in for scripts/jobs-process.ts with the same contract: it writes its pid, counts the
// kicks it is sent, and leaves when its parent's IPC channel closes.
const CHILD = `
import { appendFileSync } from "node:fs";
const file = process.env.JOBS_TEST_FILE;
appendFileSync(file, "start " + process.pid + "\\n");
process.on("message", (message) => appendFileSync(file, "message " + message + "\\n"));
process.on("disconnect", () => process.exit(0));
setInterval(() => {}, 1 << 30);
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "jobs-supervisor-"));
  await writeFile(path.join(dir, "child.mjs"), CHILD);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const lines = async (file: string) => (await readFile(file, "utf8").catch(() => "")).split("\n").filter(Boolean);
async function until(condition: () => Promise<boolean>) {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met within 15 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("superviseJobsProcess", { timeout: 40_000 }, () => {
  it("starts the jobs process, passes kicks on (one per tick), restarts it after a crash, and stops it for good", async () => {
    const file = path.join(dir, "restart.log");
    const logs: string[] = [];
    const jobs = superviseJobsProcess({ script: path.join(dir, "child.mjs"), env: { ...process.env, JOBS_TEST_FILE: file }, log: (line) => logs.push(line) });
    try {
      await until(async () => (await lines(file)).length === 1);
      for (let i = 0; i < 50; i++) jobs.kickOutbox();
      await until(async () => (await lines(file)).includes("message kick"));
      expect((await lines(file)).filter((line) => line === "message kick")).toHaveLength(1);

      const firstPid = Number((await lines(file))[0]!.split(" ")[1]);
      process.kill(firstPid, "SIGKILL");
      await until(async () => (await lines(file)).filter((line) => line.startsWith("start")).length === 2);
      expect(logs.join("\n")).toMatch(/exited \(SIGKILL\); restarting it in 1 s/);
    } finally {
      await jobs.stop();
    }
    const pids = (await lines(file)).filter((line) => line.startsWith("start")).map((line) => Number(line.split(" ")[1]));
    expect(pids.some(alive)).toBe(false);
  });

  it("leaves no jobs process behind when the server process is killed outright", async () => {
    const file = path.join(dir, "orphan.log");
    const parentScript = path.join(dir, "parent.ts");
    await writeFile(
      parentScript,
      `import { superviseJobsProcess } from ${JSON.stringify(path.resolve("lib/jobs/supervise-jobs-process.ts"))};\n` +
        `superviseJobsProcess({ script: ${JSON.stringify(path.join(dir, "child.mjs"))}, env: process.env });\nsetInterval(() => {}, 1 << 30);\n`,
    );
    const parent = spawn(process.execPath, ["--import", "tsx", parentScript], { env: { ...process.env, JOBS_TEST_FILE: file }, stdio: "ignore" });
    await until(async () => (await lines(file)).length === 1);
    const childPid = Number((await lines(file))[0]!.split(" ")[1]);
    expect(alive(childPid)).toBe(true);
    parent.kill("SIGKILL");
    await until(async () => !alive(childPid));
  });
});
