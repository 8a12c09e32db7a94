import { setTimeout as delay } from "node:timers/promises";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { startChaosApp } from "../support/chaos-app";
import { startChaosDatabase } from "../support/chaos-database";
import { Checks, quantile, waitFor } from "../support/checks";
import type { TScenario } from "../support/scenario";
import { chaosSigners, emailsByRecipient } from "../support/signers";

const WORKERS = 8;
const WARM_UP_MS = 3_000;
const OUTAGE_MS = 8_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** "Fast": a client (or a load balancer) learns of the outage well inside this. */
const FAST_503_P99_MS = 2_000;
const RECOVERY_LIMIT_MS = 10_000;
const AFTER_RECOVERY_MS = 3_000;
// A submission committed just before the stop may have its email claimed by a delivery whose
// answer the shutdown cut: it goes out when that claim's lease (60 s) runs out.
const DELIVERY_TIMEOUT_MS = 90_000;

type TKind = "letter page" | "signatures page" | "API letter" | "API count" | "sign POST" | "health";
// What each kind needs of the database while it is down: the count is served from memory and
// the letter page from Next's cache (revalidated in the background), so both may stay 200; the
// signatures page is rendered for each request, so it shows what a page does in an outage.
const NEEDS_DATABASE: Record<TKind, boolean> = {
  "letter page": false,
  "signatures page": true,
  "API letter": true,
  "API count": false,
  "sign POST": true,
  health: true,
};
const KINDS = Object.keys(NEEDS_DATABASE) as TKind[];

type TSample = { kind: TKind; startedAt: number; endedAt: number; status: number | null; error?: string; retryAfter: string | null; address?: string };

/**
 * PostgreSQL stopped (fast shutdown, sessions cut) for a few seconds under a steady mix of reads
 * and submissions, then started again; the app is not touched.
 */
export const databaseRestart: TScenario = {
  name: "database-restart",
  claim:
    "PostgreSQL is restarted while the app serves load: requests during the outage fail fast with 503 and a Retry-After, and the app recovers by itself without a restart.",
  async run(ports) {
    const checks = new Checks();
    const database = await startChaosDatabase(ports.database);
    const capture = await startSmtpCapture({ port: ports.smtp });
    const app = await startChaosApp({ name: this.name, port: ports.app, databaseUrl: database.url, smtpPort: ports.smtp });
    try {
      const signers = chaosSigners(10_000);
      const samples: TSample[] = [];
      let running = true;
      let turn = 0;
      const request = async (kind: TKind): Promise<TSample> => {
        const startedAt = Date.now();
        const address = kind === "sign POST" ? signers.pop() : undefined;
        const target = {
          "letter page": { path: `/letters/${DEMO_LETTER_SLUG}` },
          "signatures page": { path: `/letters/${DEMO_LETTER_SLUG}/signatures` },
          "API letter": { path: `/api/v1/letters/${DEMO_LETTER_SLUG}` },
          "API count": { path: `/api/v1/letters/${DEMO_LETTER_SLUG}/count` },
          "sign POST": {
            path: `/api/v1/letters/${DEMO_LETTER_SLUG}/signatures`,
            body: JSON.stringify({ name: "Chaos Signer", email: address, anonymous: true }),
          },
          health: { path: "/api/health" },
        }[kind];
        try {
          const response = await fetch(`${app.url}${target.path}`, {
            method: "body" in target ? "POST" : "GET",
            headers: "body" in target ? { "content-type": "application/json" } : {},
            body: "body" in target ? target.body : undefined,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          await response.arrayBuffer();
          return { kind, startedAt, endedAt: Date.now(), status: response.status, retryAfter: response.headers.get("retry-after"), address };
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause;
          return { kind, startedAt, endedAt: Date.now(), status: null, error: cause?.code ?? (error as Error).name, retryAfter: null, address };
        }
      };
      const worker = async () => {
        while (running) samples.push(await request(KINDS[turn++ % KINDS.length]!));
      };
      const load = Promise.all(Array.from({ length: WORKERS }, worker));

      // Warm until every kind has answered: a letter page and a count served before the outage
      // are what Next's cache and the count snapshot keep serving through it.
      await delay(WARM_UP_MS);
      const answered = (kind: TKind) => samples.filter((s) => s.kind === kind && s.status !== null && s.status < 300).length >= 2;
      if (!(await waitFor(() => KINDS.every(answered), 60_000, 100))) throw new Error("the app did not answer every kind of request before the outage");
      const downAt = Date.now();
      await database.stop();
      const stoppedAt = Date.now();
      await delay(Math.max(0, OUTAGE_MS - (stoppedAt - downAt)));
      const startCalledAt = Date.now();
      await database.start();
      const upAt = Date.now();
      const recovered = (kind: TKind) => samples.some((s) => s.kind === kind && s.startedAt >= upAt && s.status !== null && s.status < 300);
      await waitFor(() => KINDS.every(recovered), 30_000, 100);
      const allRecoveredAt = Date.now();
      await delay(AFTER_RECOVERY_MS);
      running = false;
      await load;

      // By start time, until PostgreSQL accepts sessions again (while it starts up it refuses
      // them with 57P03): a request that hung through the outage counts, with its full latency.
      const during = samples.filter((s) => s.startedAt >= downAt && s.startedAt < upAt);
      const slowest = Math.max(0, ...during.map((s) => s.endedAt - s.startedAt));
      const refusals = during.filter((s) => s.status === 503);
      const latencies503 = refusals.map((s) => s.endedAt - s.startedAt);
      const badDuringOutage = during.filter((s) => s.status === null || (s.status >= 400 && s.status !== 503));
      const recoveryMs = Object.fromEntries(
        KINDS.map((kind) => {
          const first = samples.find((s) => s.kind === kind && s.startedAt >= upAt && s.status !== null && s.status < 300);
          return [kind, first ? first.endedAt - upAt : null];
        }),
      );
      const afterRecovery = samples.filter((s) => s.startedAt >= allRecoveredAt);
      const failingAfterRecovery = afterRecovery.filter((s) => s.status === null || s.status >= 300);

      const accepted = samples.filter((s) => s.kind === "sign POST" && s.status === 202).map((s) => s.address!);
      const delivered = await waitFor(() => accepted.every((address) => emailsByRecipient(capture).has(address)), DELIVERY_TIMEOUT_MS, 250);
      const lastEmailAfterRecoveryMs = Math.max(0, ...capture.messages.map((message) => message.receivedAt)) - upAt;
      const emails = emailsByRecipient(capture);
      const alive = (() => {
        try {
          process.kill(app.pid, 0);
          return true;
        } catch {
          return false;
        }
      })();
      const statusesByKind = Object.fromEntries(
        KINDS.map((kind) => {
          const counts: Record<string, number> = {};
          for (const s of during.filter((d) => d.kind === kind)) {
            const key = String(s.status ?? s.error ?? "?");
            counts[key] = (counts[key] ?? 0) + 1;
          }
          return [kind, counts];
        }),
      );

      checks.that(
        "during the outage, no request failed other than with 503 (no 500, no hang, no reset)",
        badDuringOutage.length === 0,
        badDuringOutage.length ? JSON.stringify(badDuringOutage.slice(0, 5)) : `${during.length} requests, ${refusals.length} × 503`,
      );
      checks.that("no request started during the outage took 5 s or more", slowest < 5_000, `slowest ${slowest} ms`);
      checks.that(
        "requests that need the database were refused with 503",
        KINDS.filter((k) => NEEDS_DATABASE[k]).every((kind) => (statusesByKind[kind]?.["503"] ?? 0) > 0),
        JSON.stringify(statusesByKind),
      );
      checks.that(
        "every 503 carries Retry-After",
        refusals.every((s) => s.retryAfter !== null && Number(s.retryAfter) > 0),
        `values: ${[...new Set(refusals.map((s) => s.retryAfter))].join(", ")}`,
      );
      checks.that(
        `503s are fast (p99 < ${FAST_503_P99_MS} ms)`,
        (quantile(latencies503, 0.99) ?? Infinity) < FAST_503_P99_MS,
        `p50 ${quantile(latencies503, 0.5)} ms, p99 ${quantile(latencies503, 0.99)} ms, max ${Math.max(...latencies503)} ms`,
      );
      checks.that(
        `the app served 2xx again by itself within ${RECOVERY_LIMIT_MS / 1000} s of PostgreSQL being back`,
        Object.values(recoveryMs).every((ms) => ms !== null && ms <= RECOVERY_LIMIT_MS),
        JSON.stringify(recoveryMs),
      );
      checks.that(
        "once every kind has answered 2xx again, nothing fails",
        failingAfterRecovery.length === 0,
        `${failingAfterRecovery.length} of ${afterRecovery.length} requests in the next ${AFTER_RECOVERY_MS / 1000} s failed${failingAfterRecovery.length ? `: ${JSON.stringify(failingAfterRecovery.slice(0, 3).map((s) => [s.kind, s.status ?? s.error]))}` : ""}`,
      );
      checks.that("the app process was never restarted", alive, `pid ${app.pid} ${alive ? "still running" : "gone"}`);
      checks.that(
        "background jobs survived: every 202's email was delivered, once",
        delivered && accepted.every((address) => emails.get(address) === 1),
        `${accepted.length} accepted, ${accepted.filter((a) => emails.has(a)).length} delivered, ${accepted.filter((a) => (emails.get(a) ?? 0) > 1).length} twice`,
      );

      return {
        checks: checks.list,
        figures: {
          workers: WORKERS,
          requests: samples.length,
          outageMs: upAt - downAt,
          shutdownMs: stoppedAt - downAt,
          startupMs: upAt - startCalledAt,
          requestsDuringOutage: during.length,
          statusesDuringOutage: statusesByKind,
          count503: refusals.length,
          p50Latency503Ms: quantile(latencies503, 0.5),
          p99Latency503Ms: quantile(latencies503, 0.99),
          slowestRequestDuringOutageMs: slowest,
          maxLatency503Ms: latencies503.length ? Math.max(...latencies503) : null,
          p99Latency503MsByKind: Object.fromEntries(
            KINDS.map((kind) => [
              kind,
              quantile(
                refusals.filter((s) => s.kind === kind).map((s) => s.endedAt - s.startedAt),
                0.99,
              ),
            ]),
          ),
          msFromStopToFirst503: refusals.length ? Math.min(...refusals.map((s) => s.endedAt)) - downAt : null,
          retryAfterValues: [...new Set(refusals.map((s) => s.retryAfter))],
          recoveryMsByKind: recoveryMs,
          signed202: accepted.length,
          emailsDelivered: capture.messages.length,
          lastEmailAfterRecoveryMs,
        },
      };
    } finally {
      await app.stop();
      await capture.close();
      await database.remove();
    }
  },
};
