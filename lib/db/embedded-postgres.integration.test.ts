import { execFile, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "./embedded-postgres";
import { queryRows } from "@/tests/support/pg";

// Tests share one folder, and run in order: each picks up the state the previous one left.
let root: string;
let dataDir: string;
const owned: TEmbeddedPostgres[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "undersigned-embedded-pg-"));
  // mkdtemp makes the folder 0700; as root, the server runs as "postgres", which must enter it.
  await chmod(root, 0o755);
  dataDir = path.join(root, "nested", "postgres");
});

afterAll(async () => {
  for (const server of owned.splice(0)) await server.stop();
  // A postmaster a failed test left behind would keep the folder busy.
  const pid = await postmasterPid().catch(() => undefined);
  if (pid && isAlive(pid)) process.kill(pid, "SIGINT");
  await waitFor(() => !pid || !isAlive(pid), "leftover postmaster to exit");
  await rm(root, { recursive: true, force: true });
});

async function start(dir = dataDir): Promise<TEmbeddedPostgres> {
  const server = await startEmbeddedPostgres({ dataDir: dir });
  if (server.startedHere) owned.push(server);
  return server;
}

async function stop(server: TEmbeddedPostgres): Promise<void> {
  await server.stop();
  if (owned.includes(server)) owned.splice(owned.indexOf(server), 1);
}

async function postmasterPid(): Promise<number> {
  return Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await delay(25);
  }
}

describe("startEmbeddedPostgres", () => {
  it("initialises a new data folder (creating its parents) and serves the undersigned database", async () => {
    const server = await start();

    expect(server.startedHere).toBe(true);
    expect(server.url).toMatch(/^postgresql:\/\/[^@]+@127\.0\.0\.1:\d+\/undersigned$/);
    expect((await stat(path.join(dataDir, "PG_VERSION"))).isFile()).toBe(true);
    const [row] = await queryRows<{ db: string; version: string; encoding: string }>(
      server.url,
      "SELECT current_database() AS db, current_setting('server_version_num') AS version, current_setting('server_encoding') AS encoding",
    );
    expect(row).toEqual({ db: "undersigned", version: expect.stringMatching(/^18/), encoding: "UTF8" });
    await queryRows(server.url, "CREATE TABLE survivor (note text); INSERT INTO survivor VALUES ('kept')");
  });

  it("lets a later call join the running server instead of starting a second one", async () => {
    const [owner] = owned;
    const joiner = await start();

    expect(joiner.startedHere).toBe(false);
    expect(joiner.url).toBe(owner?.url);
    await joiner.stop();
    // The joiner's stop leaves the owner's server running.
    expect(await queryRows(joiner.url, "SELECT note FROM survivor")).toEqual([{ note: "kept" }]);
  });

  it("lets another process join the running server", async () => {
    const script = `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve("lib/db/embedded-postgres.ts"))};
      const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
      console.log(JSON.stringify({ url: server.url, startedHere: server.startedHere }));
      await server.stop();`;
    const scriptPath = path.join(root, "join.mts");
    await writeFile(scriptPath, script);
    const tsx = path.resolve("node_modules/.bin/tsx");
    const { stdout } = await promisify(execFile)(tsx, [scriptPath], { timeout: 20_000 });

    expect(JSON.parse(stdout)).toEqual({ url: owned[0]?.url, startedHere: false });
  });

  it("shares one start between concurrent calls in a process", async () => {
    const [owner] = owned;
    await stop(owner!);

    const first = startEmbeddedPostgres({ dataDir });
    const second = startEmbeddedPostgres({ dataDir });
    expect(second).toBe(first);
    const server = await first;
    if (server.startedHere) owned.push(server);
    expect(server.startedHere).toBe(true);
  });

  it("keeps the data across a stop and a restart", async () => {
    await stop(owned[0]!);
    const pid = await postmasterPid().catch(() => undefined);
    expect(pid).toBeUndefined();

    const server = await start();
    expect(server.startedHere).toBe(true);
    expect(await queryRows(server.url, "SELECT note FROM survivor")).toEqual([{ note: "kept" }]);
  });

  it("starts again after the postmaster was killed and left a stale postmaster.pid", async () => {
    const pid = await postmasterPid();
    process.kill(pid, "SIGKILL");
    await waitFor(() => !isAlive(pid), "the killed postmaster to be gone");
    expect(await postmasterPid()).toBe(pid);

    const server = await start();
    expect(server.startedHere).toBe(true);
    expect(await postmasterPid()).not.toBe(pid);
    expect(await queryRows(server.url, "SELECT note FROM survivor")).toEqual([{ note: "kept" }]);
    // The handle of the dead server must not hang.
    await stop(owned.shift()!);
  });

  it("starts when postmaster.pid names a live process that is not the postmaster (a recycled pid)", async () => {
    const pidFile = path.join(dataDir, "postmaster.pid");
    const [, ...rest] = (await readFile(pidFile, "utf8")).split("\n");
    await stop(owned[0]!);
    const { uid, gid } = await stat(dataDir);
    // Postgres itself only discards a pid file whose process is gone or belongs to another user.
    const impostor = spawn("sleep", ["60"], { uid, gid, stdio: "ignore" });
    try {
      await writeFile(pidFile, [impostor.pid, ...rest].join("\n"));
      const server = await start();
      expect(server.startedHere).toBe(true);
      expect(await queryRows(server.url, "SELECT note FROM survivor")).toEqual([{ note: "kept" }]);
    } finally {
      impostor.kill();
    }
  });

  it("refuses a folder that holds something other than PostgreSQL data, without caching the failure", async () => {
    const strayDir = path.join(root, "stray");
    await mkdir(strayDir);
    await writeFile(path.join(strayDir, "notes.txt"), "not a database");

    await expect(start(strayDir)).rejects.toThrow(/not empty but holds no PostgreSQL data/);
    await rm(path.join(strayDir, "notes.txt"));
    const server = await start(strayDir);
    expect(server.startedHere).toBe(true);
    await stop(server);
  });

  it.runIf(process.getuid?.() === 0)("explains that the postgres OS user must reach the data folder", async () => {
    const privateDir = path.join(root, "private");
    await mkdir(privateDir, { mode: 0o700 });

    await expect(start(path.join(privateDir, "postgres"))).rejects.toThrow(/initdb failed.*OS user "postgres".*Permission denied/s);
  });
});
