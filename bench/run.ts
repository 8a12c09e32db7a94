/**
 * `npm run bench` (`-- --quick` for a run under two minutes): the app in production mode on a
 * PostgreSQL server, driven on loopback by autocannon, with baselines measured in the same run
 * so the ratios survive a noisy machine. Prints a table and writes bench/results.json.
 *
 * Baselines: a bare Node `http` server answering the count JSON (with and without the app's
 * headers); one answering each measured page's very bytes; the app's own cheapest route
 * (/api/ping, the framework's floor); PostgreSQL inserting the signature row directly with `pg`.
 * Scenarios: (a) the count endpoint, (b) the letter page, (c) signature submissions, (d)
 * confirmations, (e) live-count subscribers seeing a new total while (c) runs, (f) submissions
 * while the SMTP server is down (it accepts and drops every connection, counted). A scenario and
 * the baseline it is compared with are measured in turns, not minutes apart: (a) with the bare
 * count servers, (b) with the bare page server, (c) with (f). Then (a)–(d)
 * again on a letter that already has a million confirmed signatures (`--big-letter N` to choose
 * the size, 0 for none; a quick run has none unless asked), each compared with the same
 * scenario on a letter of 1,000 seeded the same way.
 *
 * BENCH_DATABASE_URL: a PostgreSQL server database to use (default: a throwaway database on
 * TEST_DATABASE_URL's server, dropped afterwards). BENCH_PORT (default 3900). `--profile` runs
 * the app with `--cpu-prof` into bench/profiles/.
 */
import { fork } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { PER_RESPONSE_HEADERS } from "@/lib/pipeline/page-cache";
import { createThrowawayDatabase, type TThrowawayDatabase } from "@/tests/support/throwaway-database";
import { buildIfStale, startAppServer, type TAppServer } from "./support/app-server";
import { BENCH_DOMAIN, createBenchLetter, measureDirectInserts, preparePendingSignatures } from "./support/bench-data";
import { seedBigLetter } from "./support/big-letter";
import { inTurns } from "./support/in-turns";
import { runLoad, type TLoadResult } from "./support/load";
import { withPeakMemory } from "./support/memory";
import { startSmtpSink } from "./support/smtp-sink";
import { openSubscribers } from "./support/subscribers";

const quick = process.argv.includes("--quick");
const profile = process.argv.includes("--profile");
const SECONDS = quick ? 6 : 20;
const CONNECTIONS = 64;
const SUBSCRIBERS = 5_000;
const port = Number(process.env.BENCH_PORT ?? 3900);
// `--big-letter N`: the confirmed signatures of the letter (a)–(d) run on again at the end; a
// full run uses a million, a quick run none unless asked (seeding a million takes minutes).
const bigLetterArg = process.argv.indexOf("--big-letter");
const BIG_LETTER = bigLetterArg > 0 ? Number(process.argv[bigLetterArg + 1]) : quick ? 0 : 1_000_000;
if (!Number.isInteger(BIG_LETTER) || BIG_LETTER < 0) throw new Error("--big-letter takes a number of signatures (0: none)");
const root = process.cwd();

type TRow = { scenario: string; rps: number; p50Ms: number; p99Ms: number; errors: number; peakMemoryMb: number | null; note?: string };
const rows: TRow[] = [];
const row = (scenario: string, load: TLoadResult, peakMemoryMb: number | null, givenNote?: string): TRow => {
  // An error count says nothing without its kind: answers other than 2xx by status, the rest are connection failures and timeouts.
  const refusals = Object.entries(load.statusCounts).filter(([status]) => !status.startsWith("2"));
  const failed = load.errors - refusals.reduce((sum, [, count]) => sum + count, 0);
  const kinds = [...refusals.map(([status, count]) => `${count} × ${status}`), ...(failed > 0 ? [`${failed} failed connections or timeouts`] : [])];
  const note = kinds.length > 0 ? [givenNote, `errors: ${kinds.join(", ")}`].filter(Boolean).join("; ") : givenNote;
  const entry = { scenario, rps: load.requestsPerSecond, p50Ms: load.p50Ms, p99Ms: load.p99Ms, errors: load.errors, peakMemoryMb, note };
  rows.push(entry);
  console.log(`  ${scenario}: ${entry.rps} req/s, p50 ${entry.p50Ms} ms, p99 ${entry.p99Ms} ms, errors ${entry.errors}${note ? ` (${note})` : ""}`);
  return entry;
};

async function startBareServer(barePort: number, options: { appHeaders?: boolean } = {}) {
  const args = [String(barePort), ...(options.appHeaders ? ["--app-headers"] : [])];
  const child = fork(path.join(import.meta.dirname, "support", "bare-count-server.ts"), args, { execArgv: ["--import", "tsx"] });
  await new Promise((resolve) => child.once("message", resolve));
  return child;
}

/**
 * A bare Node server answering what the app answered for `url` (status 200, its headers but the
 * connection's own, its bytes), fetched as the load generator fetches it: no Accept-Encoding.
 */
async function startBarePageServer(barePort: number, url: string) {
  const { headers, body } = await new Promise<{ headers: string[]; body: Buffer }>((resolve, reject) => {
    http
      .get(url, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
          const kept: string[] = [];
          for (let i = 0; i < response.rawHeaders.length; i += 2) {
            const name = response.rawHeaders[i]!;
            if (!PER_RESPONSE_HEADERS.has(name.toLowerCase())) kept.push(name, response.rawHeaders[i + 1]!);
          }
          resolve({ headers: kept, body: Buffer.concat(chunks) });
        });
      })
      .on("error", reject);
  });
  const file = path.join(os.tmpdir(), `undersigned-bench-page-${barePort}.json`);
  await writeFile(file, JSON.stringify({ headers, body: body.toString("base64") }));
  const child = fork(path.join(import.meta.dirname, "support", "bare-page-server.ts"), [String(barePort), file], { execArgv: ["--import", "tsx"] });
  await new Promise((resolve) => child.once("message", resolve));
  // The file is read once at start-up.
  await rm(file);
  return { child, bytes: body.length };
}

/** Equal windows of one scenario taken in turns, as one: throughput averaged, requests and errors summed, the worst latencies. */
function combineWindows(windows: TLoadResult[]): TLoadResult {
  const statusCounts: Record<string, number> = {};
  for (const result of windows) for (const [code, n] of Object.entries(result.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + n;
  return {
    requestsPerSecond: Math.round(windows.reduce((sum, result) => sum + result.requestsPerSecond, 0) / windows.length),
    p50Ms: Math.max(...windows.map((result) => result.p50Ms)),
    p99Ms: Math.max(...windows.map((result) => result.p99Ms)),
    requests: windows.reduce((sum, result) => sum + result.requests, 0),
    errors: windows.reduce((sum, result) => sum + result.errors, 0),
    statusCounts,
  };
}

async function main() {
  const started = performance.now();
  let throwaway: TThrowawayDatabase | undefined;
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? (throwaway = await createThrowawayDatabase("undersigned_bench")).url;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let app: TAppServer | undefined;
  let smtp = await startSmtpSink(port + 2);
  let smtpDown: net.Server | undefined;
  try {
    await applyMigrations(databaseUrl, path.join(root, "prisma", "migrations"));
    const letter = await createBenchLetter(pool);
    console.log(
      `Building if stale, then starting the app on :${port} (${quick ? "quick" : "full"} run, ${SECONDS} s per scenario, ${CONNECTIONS} connections)…`,
    );
    await buildIfStale(root);
    const profileDir = path.join(root, "bench", "profiles");
    if (profile) await mkdir(profileDir, { recursive: true });
    app = await startAppServer({
      port,
      nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : undefined,
      env: {
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: "20",
        APP_URL: `http://localhost:${port}`,
        AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0000",
        EMAIL_HMAC_KEY: "bench-email-key-bench-email-key-bench-00000",
        SMTP_URL: smtp.url,
        EMAIL_FROM: "Undersigned <bench@undersigned.test>",
        // The production limits, all on: only the load generator (all load comes from loopback)
        // is given a per-minute limit of its own, as an operator would give a partner's relay.
        RATE_LIMIT_SIGN_PER_IP_EXCEPTIONS: "127.0.0.1=100000000,::1=100000000",
        // And one letter's ceiling is raised above what the machine can take: 2,000 submissions a
        // second by default, an operator's setting sized to their mail capacity, which a fast
        // machine passes (seen on 3 December: 40,000 of 112,000 accepted in 20 s, the rest 429).
        // A bench of the app's own cost must not measure the ceiling; every check still runs.
        RATE_LIMIT_SIGN_PER_LETTER_PER_SECOND: "100000",
      },
    });
    const countPath = `/api/v1/letters/${letter.slug}/count`;
    const load = (pathname: string, extra: Partial<Parameters<typeof runLoad>[0]> = {}) =>
      runLoad({ url: `${app!.url}${pathname}`, connections: CONNECTIONS, durationSeconds: SECONDS, ...extra });
    // Warm-up: the first requests compile nothing in production, but they fill caches and pools.
    await runLoad({ url: `${app.url}${countPath}`, connections: 8, durationSeconds: 2 });
    await runLoad({ url: `${app.url}/letters/${letter.slug}`, connections: 8, durationSeconds: 2 });

    console.log("Baselines");
    // The count and its bare-Node baselines in turns, half a scenario's time each (in-turns.ts says why).
    const bare = await startBareServer(port + 1);
    const bareWithHeaders = await startBareServer(port + 3, { appHeaders: true });
    const half = Math.max(2, SECONDS / 2);
    const window = async (url: string, pid: number) =>
      (await withPeakMemory(pid, () => runLoad({ url, connections: CONNECTIONS, durationSeconds: half }))).result;
    const countUrl = `${app.url}${countPath}`;
    const turns = await inTurns(["bare", "headers", "count", "count", "headers", "bare"] as const, (turn) =>
      turn === "bare"
        ? window(`http://127.0.0.1:${port + 1}/`, bare.pid!)
        : turn === "headers"
          ? window(`http://127.0.0.1:${port + 3}/`, bareWithHeaders.pid!)
          : window(countUrl, app!.pid),
    );
    bare.kill();
    bareWithHeaders.kill();
    const bareRow = row("baseline: bare Node http, count JSON", combineWindows(turns.bare), null);
    const bareHeadersRow = row("baseline: bare Node http, count JSON with the app's headers", combineWindows(turns.headers), null);
    const interleavedCountRow = (): TRow => row("(a) GET count", combineWindows(turns.count), null);
    const pingRun = await withPeakMemory(app.pid, () => load("/api/ping"));
    const floorRow = row("baseline: Next trivial route /api/ping", pingRun.result, pingRun.peakMb);
    const inserts = await measureDirectInserts(databaseUrl, letter.id, CONNECTIONS, SECONDS);
    const insertRow: TRow = {
      scenario: "baseline: pg INSERT signature row",
      rps: inserts.insertsPerSecond,
      p50Ms: inserts.p50Ms,
      p99Ms: inserts.p99Ms,
      errors: inserts.errors,
      peakMemoryMb: null,
    };
    rows.push(insertRow);
    console.log(`  ${insertRow.scenario}: ${insertRow.rps} inserts/s, p50 ${insertRow.p50Ms} ms, p99 ${insertRow.p99Ms} ms`);

    console.log("Scenarios");
    type TLetter = { id: string; slug: string };
    // A page in turns with a bare Node server answering its very bytes (page, bare, bare, page;
    // half a scenario's time each): a letter with signers is a page of 80–90 KB, and the load
    // generator reading it is a limit of its own on two cores (bare-page-server.ts).
    const measurePage = async (on: TLetter, suffix = "") => {
      const url = `${app!.url}/letters/${on.slug}`;
      const bare = await startBarePageServer(port + 4, url);
      let peakMb = 0;
      const turns = await inTurns(["page", "bare", "bare", "page"] as const, async (turn) => {
        if (turn === "bare") return runLoad({ url: `http://127.0.0.1:${port + 4}/`, connections: CONNECTIONS, durationSeconds: half });
        const run = await withPeakMemory(app!.pid, () => runLoad({ url, connections: CONNECTIONS, durationSeconds: half }));
        peakMb = Math.max(peakMb, run.peakMb);
        return run.result;
      });
      bare.child.kill();
      const kb = Math.round(bare.bytes / 1024);
      return {
        pageRow: row(`(b) GET letter page${suffix}`, combineWindows(turns.page), peakMb, `${kb} KB`),
        bareRow: row(`baseline: bare Node http, the same page's bytes${suffix}`, combineWindows(turns.bare), null, `${kb} KB`),
      };
    };
    const measureReads = async (on: TLetter, suffix = "") => {
      const countRun = await withPeakMemory(app!.pid, () => load(`/api/v1/letters/${on.slug}/count`));
      const countRow = row(`(a) GET count${suffix}`, countRun.result, countRun.peakMb);
      return { countRow, ...(await measurePage(on, suffix)) };
    };
    // (a) on the bench letter was measured with its baselines, in turns.
    const countRow = interleavedCountRow();
    const { pageRow, bareRow: barePageRow } = await measurePage(letter);

    const runId = Date.now().toString(36);
    let sequence = 0;
    const submission = () => JSON.stringify({ name: "Bench Signer", email: `s${runId}-${(sequence += 1)}@${BENCH_DOMAIN}`, anonymous: true });
    // Zero lost: every 202 must be a pending row with its queued email.
    type TSubmissionWindow = { load: TLoadResult; peakMb: number; accepted: number; newRows: number; newEmails: number };
    const submissionWindow = async (on: TLetter, durationSeconds = SECONDS): Promise<TSubmissionWindow> => {
      const countRows = async () =>
        (
          await pool.query<{ signatures: string; emails: string }>(
            `SELECT (SELECT count(*) FROM "Signature" WHERE "letterId" = $1 AND state = 'PENDING' AND "sourceKey" IS DISTINCT FROM 'baseline') AS signatures, (SELECT count(*) FROM "OutboxEmail") AS emails`,
            [on.id],
          )
        ).rows[0]!;
      const before = await countRows();
      const signRun = await withPeakMemory(app!.pid, () =>
        load(`/api/v1/letters/${on.slug}/signatures`, { method: "POST", headers: { "content-type": "application/json" }, body: submission, durationSeconds }),
      );
      const after = await countRows();
      return {
        load: signRun.result,
        peakMb: signRun.peakMb,
        accepted: signRun.result.statusCounts["202"] ?? 0,
        newRows: Number(after.signatures) - Number(before.signatures),
        newEmails: Number(after.emails) - Number(before.emails),
      };
    };
    // One row from one or more windows: lost counted per window (a window's rows are its own).
    const submissionRow = (scenario: string, windows: TSubmissionWindow[], extraNote = "") => {
      const sum = (pick: (window: TSubmissionWindow) => number) => windows.reduce((total, window) => total + pick(window), 0);
      const lost = sum((window) => Math.max(0, window.accepted - Math.min(window.newRows, window.newEmails)));
      return row(
        scenario,
        combineWindows(windows.map((window) => window.load)),
        Math.max(...windows.map((window) => window.peakMb)),
        `${sum((window) => window.accepted)} accepted (202); ${sum((window) => window.newRows)} pending rows and ${sum((window) => window.newEmails)} queued emails appeared; lost: ${lost}${extraNote}`,
      );
    };
    const measureSubmissions = async (scenario: string, on: TLetter = letter) => submissionRow(scenario, [await submissionWindow(on)]);

    // (c) Submissions, and (f) the same while the mail server is down: submissions must not slow
    // down (the outbox runs in its own process and pauses), and the outbox must not storm the
    // server with connections. In turns, half a scenario's time each: one window of each,
    // minutes apart, gave (f)/(c) 0.67 in one full run and 0.98 in a quick run an hour later.
    let smtpConnections = 0;
    const setMailServer = async (up: boolean) => {
      if (up === !smtpDown) return;
      if (up) {
        await new Promise((resolve) => smtpDown!.close(resolve));
        smtpDown = undefined;
        smtp = await startSmtpSink(port + 2);
        return;
      }
      await smtp.close();
      // Accepts and drops every connection, counted.
      const deadSmtp = net.createServer((socket) => {
        smtpConnections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => deadSmtp.listen(port + 2, "127.0.0.1", resolve));
      smtpDown = deadSmtp;
    };
    const mailTurns = await inTurns(["up", "down", "down", "up"] as const, async (turn) => {
      await setMailServer(turn === "up");
      return submissionWindow(letter, half);
    });
    const signRow = submissionRow("(c) POST signature", mailTurns.up);
    const outageRow = submissionRow(
      "(f) POST signature, SMTP server down",
      mailTurns.down,
      `; ${smtpConnections} SMTP connection attempts in ${2 * half} s down`,
    );
    console.log(`  SMTP connection attempts during the outage: ${smtpConnections}`);

    const tokenCount = Math.max(20_000, signRow.rps * SECONDS * 2);
    // The exact total after a confirmation spike: read as a visitor would, checked against the rows.
    const measureConfirmations = async (on: TLetter, suffix = "") => {
      const tokens = await preparePendingSignatures(pool, on.id, tokenCount);
      const countPath = `/api/v1/letters/${on.slug}/count`;
      let next = 0;
      const confirmRun = await withPeakMemory(app!.pid, () =>
        load("/api/v1/confirmations", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: () => JSON.stringify({ token: tokens[next++ % tokens.length] }),
        }),
      );
      const confirmedAt = performance.now();
      const expected = async () =>
        Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Signature" WHERE "letterId" = $1 AND state = 'CONFIRMED'`, [on.id])).rows[0]!.n);
      // Requests still in flight when the load stops may commit a moment later, so the confirmed
      // rows are counted afresh on every check: done when the displayed total equals them.
      let confirmedRows = await expected();
      let shownAfterMs: number | null = null;
      while (performance.now() - confirmedAt < 10_000) {
        const shown = (await (await fetch(`${app!.url}${countPath}`)).json()) as { total: number };
        confirmedRows = await expected();
        if (shown.total === confirmedRows) {
          shownAfterMs = Math.round(performance.now() - confirmedAt);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const confirmRow = row(
        `(d) POST confirmation${suffix}`,
        confirmRun.result,
        confirmRun.peakMb,
        `${confirmedRows} confirmed rows; count endpoint showed exactly that ${shownAfterMs === null ? "NOT within 10 s" : `${shownAfterMs} ms after the load stopped`}`,
      );
      return { confirmRow, tokens, expected };
    };
    const { confirmRow, tokens, expected } = await measureConfirmations(letter);

    const subscribers = await openSubscribers(`${app.url}${countPath}/stream`, SUBSCRIBERS);
    const memoryBefore = (await withPeakMemory(app.pid, async () => null)).peakMb;
    const totalNow = await expected();
    await subscribers.waitForTotal(totalNow, performance.now(), 10_000);
    const liveRun = await withPeakMemory(app.pid, async () => {
      const background = load(`/api/v1/letters/${letter.slug}/signatures`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: submission,
        durationSeconds: Math.min(SECONDS, 8),
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const spare = tokens.at(-1)!;
      const since = performance.now();
      const response = await fetch(`${app!.url}/api/v1/confirmations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: spare }),
      });
      const seen = await subscribers.waitForTotal(totalNow + (response.ok ? 1 : 0), since, 10_000);
      return { seen, background: await background };
    });
    const { delaysMs, missing } = liveRun.result.seen;
    const perSubscriberKb = Math.round(((liveRun.peakMb - memoryBefore) * 1024) / Math.max(1, subscribers.connected()));
    rows.push({
      scenario: `(e) ${SUBSCRIBERS} live subscribers during (c)`,
      rps: liveRun.result.background.requestsPerSecond,
      p50Ms: delaysMs[Math.floor(delaysMs.length / 2)] ?? -1,
      p99Ms: delaysMs.at(-1) ?? -1,
      errors: missing + liveRun.result.background.errors,
      peakMemoryMb: liveRun.peakMb,
      note: `${subscribers.connected()} connected; new total seen by all but ${missing}; delay p50 ${delaysMs[Math.floor(delaysMs.length / 2)]} ms, max ${delaysMs.at(-1)} ms; ~${perSubscriberKb} KB per subscriber (peak ${liveRun.peakMb} MB vs ${memoryBefore} MB idle); rps/errors are the submissions running meanwhile`,
    });
    console.log(`  ${rows.at(-1)!.scenario}: ${rows.at(-1)!.note}`);
    subscribers.close();

    // The same scenarios on a letter that already has a million confirmed signatures: what a
    // request costs must not grow with the letter. Compared with a letter of 1,000 seeded the
    // same way (300 days, 50 domains: the same chart and breakdown to render), so the ratio is
    // the cost of size alone. The mail server is back for them.
    let bigLetter: Record<string, number> = {};
    if (BIG_LETTER > 0) {
      console.log(`Seeding letters of 1,000 and ${BIG_LETTER.toLocaleString("en")} confirmed signatures…`);
      const small = await seedBigLetter(pool, 1_000);
      const big = await seedBigLetter(pool, BIG_LETTER);
      const measureAll = async (on: TLetter, size: number, pass: number) => {
        const suffix = `, letter of ${size.toLocaleString("en")} (pass ${pass})`;
        const reads = await measureReads(on, suffix);
        const sign = await measureSubmissions(`(c) POST signature${suffix}`, on);
        const { confirmRow: confirm } = await measureConfirmations(on, suffix);
        return { count: reads.countRow, page: reads.pageRow, barePage: reads.bareRow, sign, confirm };
      };
      // Small, big, big, small: two runs of the same scenario minutes apart differ by more than
      // 10% on this machine, and this order cancels a drift over the section.
      const passes = [
        await measureAll(small, 1_000, 1),
        await measureAll(big, BIG_LETTER, 1),
        await measureAll(big, BIG_LETTER, 2),
        await measureAll(small, 1_000, 2),
      ];
      const vs = (key: keyof (typeof passes)[number]) =>
        +((passes[1]![key].rps + passes[2]![key].rps) / (passes[0]![key].rps + passes[3]![key].rps)).toFixed(3);
      const pageVsBare = (a: number, b: number) =>
        +((passes[a]!.page.rps + passes[b]!.page.rps) / (passes[a]!.barePage.rps + passes[b]!.barePage.rps)).toFixed(3);
      bigLetter = {
        countBigVsSmall: vs("count"),
        pageBigVsSmall: vs("page"),
        submissionsBigVsSmall: vs("sign"),
        confirmationsBigVsSmall: vs("confirm"),
        // The same page's bytes from a bare server, at each size: how much of the page's figure is the app.
        pageVsBareSameBytesSmall: pageVsBare(0, 3),
        pageVsBareSameBytesBig: pageVsBare(1, 2),
      };
    }

    const ratios = {
      countVsBareNode: +(countRow.rps / bareRow.rps).toFixed(3),
      // What the app's code costs beyond the bytes of its headers, and what those bytes cost the bare server.
      countVsBareNodeWithAppHeaders: +(countRow.rps / bareHeadersRow.rps).toFixed(3),
      bareWithAppHeadersVsBareNode: +(bareHeadersRow.rps / bareRow.rps).toFixed(3),
      countVsNextFloor: +(countRow.rps / floorRow.rps).toFixed(2),
      nextFloorVsBareNode: +(floorRow.rps / bareRow.rps).toFixed(3),
      pageVsNextFloor: +(pageRow.rps / floorRow.rps).toFixed(2),
      pageVsBareSameBytes: +(pageRow.rps / barePageRow.rps).toFixed(3),
      submissionsVsDirectInsert: +(signRow.rps / insertRow.rps).toFixed(3),
      confirmationsVsDirectInsert: +(confirmRow.rps / insertRow.rps).toFixed(3),
      submissionsDuringSmtpOutageVsSubmissions: +(outageRow.rps / signRow.rps).toFixed(3),
      ...bigLetter,
    };
    printTable(ratios);
    const results = {
      date: new Date().toISOString(),
      quick,
      secondsPerScenario: SECONDS,
      bigLetterSignatures: BIG_LETTER,
      connections: CONNECTIONS,
      cpus: os.cpus().length,
      node: process.version,
      rows,
      ratios,
      elapsedSeconds: Math.round((performance.now() - started) / 1000),
    };
    await writeFile(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Wrote bench/results.json (${results.elapsedSeconds} s in all).`);
  } finally {
    await app?.stop();
    if (smtpDown) await new Promise((resolve) => smtpDown!.close(resolve));
    else await smtp.close();
    await pool.end();
    await throwaway?.drop();
  }
}

function printTable(ratios: Record<string, number>) {
  console.log("\n| scenario | req/s | p50 ms | p99 ms | errors | peak MB |\n|---|---:|---:|---:|---:|---:|");
  for (const entry of rows)
    console.log(`| ${entry.scenario} | ${entry.rps} | ${entry.p50Ms} | ${entry.p99Ms} | ${entry.errors} | ${entry.peakMemoryMb ?? "–"} |`);
  console.log("\nRatios (same run):");
  for (const [name, value] of Object.entries(ratios)) console.log(`  ${name}: ${value}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
