import { setTimeout as delay } from "node:timers/promises";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { startChaosApp } from "../support/chaos-app";
import { startChaosDatabase } from "../support/chaos-database";
import { Checks, waitFor } from "../support/checks";
import type { TScenario } from "../support/scenario";
import { chaosSigners, emailsByRecipient, signatureRowsByAddress, submitSignature, type TSubmissionOutcome } from "../support/signers";

const SUBMISSIONS = 500;
const CONCURRENCY = 50;
const KILL_AFTER_RESPONSES = 200;
// Time for a message whose last bytes left the dying process to be taken in by the capture.
const SETTLE_MS = 500;
// Covers the outbox lease of emails claimed by the killed process (lib/mail/deliver-due-emails.ts).
const DRAIN_TIMEOUT_MS = 150_000;

/**
 * SIGKILL of the only web process in the middle of a burst of submissions, then a restart on
 * the same database. A 202 promises a pending row and one email: both must be there afterwards.
 */
export const appKilledWhileSigning: TScenario = {
  name: "app-killed-while-signing",
  claim:
    "The app is killed with SIGKILL during a burst of 500 submissions: every 202 has its pending row and its email is sent after restart; none is duplicated.",
  async run(ports) {
    const checks = new Checks();
    const database = await startChaosDatabase(ports.database);
    const capture = await startSmtpCapture({ port: ports.smtp });
    const start = () => startChaosApp({ name: this.name, port: ports.app, databaseUrl: database.url, smtpPort: ports.smtp });
    let app = await start();
    try {
      const addresses = chaosSigners(SUBMISSIONS);
      const outcomes = new Map<string, TSubmissionOutcome>();
      let answered = 0;
      let refusedAttempts = 0;
      let killed: Promise<void> | undefined;
      const atKill = { capturedRecipients: 0, acceptedButUnmarked: [] as string[], claimedUnsent: 0, queuedUnsent: 0, killedAt: 0, restartedAt: 0, readyAt: 0 };

      const killAndRestart = async () => {
        atKill.killedAt = Date.now();
        await app.kill("SIGKILL");
        await delay(SETTLE_MS);
        // With the process gone nothing can be marked sent any more: a recipient the capture
        // has whose row is still unsent is an email that will go out twice.
        const captured = [...emailsByRecipient(capture).keys()];
        atKill.capturedRecipients = captured.length;
        atKill.acceptedButUnmarked = (await database.db.outboxEmail.findMany({ where: { sentAt: null, to: { in: captured } }, select: { to: true } })).map(
          (row) => row.to ?? "",
        );
        atKill.claimedUnsent = await database.db.outboxEmail.count({ where: { sentAt: null, attempts: { gt: 0 } } });
        atKill.queuedUnsent = await database.db.outboxEmail.count({ where: { sentAt: null } });
        atKill.restartedAt = Date.now();
        app = await start();
        atKill.readyAt = Date.now();
      };

      const queue = [...addresses];
      const burstStartedAt = Date.now();
      const worker = async () => {
        for (let address = queue.shift(); address; address = queue.shift()) {
          for (;;) {
            const outcome = await submitSignature(app.url, address);
            // A refused connection never reached a server: the client sends it again once one
            // listens, as a browser's user would.
            if (outcome.kind === "refused") {
              refusedAttempts++;
              await delay(250);
              continue;
            }
            outcomes.set(address, outcome);
            break;
          }
          answered++;
          if (answered === KILL_AFTER_RESPONSES) killed = killAndRestart();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await killed;
      const burstMs = Date.now() - burstStartedAt;

      const drained = await waitFor(
        async () => (await database.db.outboxEmail.count({ where: { sentAt: null, abandonedAt: null } })) === 0,
        DRAIN_TIMEOUT_MS,
        500,
      );
      const drainedAt = Date.now();
      const outbox = {
        unsent: await database.db.outboxEmail.count({ where: { sentAt: null } }),
        abandoned: await database.db.outboxEmail.count({ where: { abandonedAt: { not: null } } }),
        total: await database.db.outboxEmail.count(),
      };

      const accepted = addresses.filter((address) => {
        const o = outcomes.get(address);
        return o?.kind === "answered" && o.status === 202;
      });
      const lost = addresses.filter((address) => outcomes.get(address)?.kind === "lost");
      const otherStatuses = addresses.flatMap((address) => {
        const o = outcomes.get(address);
        return o?.kind === "answered" && o.status !== 202 ? [o.status] : [];
      });
      const rows = await signatureRowsByAddress(database.db, addresses);
      const emails = emailsByRecipient(capture);
      const rowsOf = (address: string) => rows.get(address) ?? 0;
      const emailsOf = (address: string) => emails.get(address) ?? 0;

      const acceptedWithoutOneRow = accepted.filter((address) => rowsOf(address) !== 1);
      const rowsWithoutEmail = addresses.filter((address) => rowsOf(address) === 1 && emailsOf(address) === 0);
      const emailsWithoutRow = addresses.filter((address) => rowsOf(address) === 0 && emailsOf(address) > 0);
      const duplicated = addresses.filter((address) => emailsOf(address) > 1);
      const window = new Set(atKill.acceptedButUnmarked);
      const unexplainedDuplicates = duplicated.filter((address) => !window.has(address));
      const lastMessageAt = Math.max(0, ...capture.messages.map((message) => message.receivedAt));

      checks.that(
        "the server was killed mid-burst and restarted",
        atKill.killedAt > 0 && atKill.readyAt > 0,
        `killed after ${KILL_AFTER_RESPONSES} responses, serving again ${atKill.readyAt - atKill.killedAt} ms later`,
      );
      checks.that(
        "every answer was a 202 (the rest were cut by the kill)",
        otherStatuses.length === 0,
        otherStatuses.length
          ? `other statuses: ${[...new Set(otherStatuses)].join(", ")} (${otherStatuses.length})`
          : `${accepted.length} × 202, ${lost.length} cut by the kill`,
      );
      checks.that(
        "every 202 has exactly one signature row",
        acceptedWithoutOneRow.length === 0,
        `${acceptedWithoutOneRow.length} of ${accepted.length} without exactly one row`,
      );
      checks.that(
        "no address has two signature rows",
        [...rows.values()].every((n) => n === 1),
        `${rows.size} rows for ${SUBMISSIONS} addresses`,
      );
      checks.that(
        "the outbox drained after the restart",
        drained && outbox.unsent === 0 && outbox.abandoned === 0,
        `${outbox.unsent} unsent, ${outbox.abandoned} abandoned of ${outbox.total}, drained ${drainedAt - atKill.readyAt} ms after the restart`,
      );
      checks.that(
        "every signature row's email was delivered (including 202s whose answer was cut)",
        rowsWithoutEmail.length === 0,
        `${rowsWithoutEmail.length} rows without an email`,
      );
      checks.that("no email without a signature row", emailsWithoutRow.length === 0, `${emailsWithoutRow.length}`);
      checks.that(
        "no email delivered twice, except those SMTP had accepted but the dead process had not marked sent",
        unexplainedDuplicates.length === 0,
        `${duplicated.length} duplicated; ${window.size} in the at-least-once window at the kill; ${unexplainedDuplicates.length} unexplained`,
      );

      return {
        checks: checks.list,
        figures: {
          submissions: SUBMISSIONS,
          concurrency: CONCURRENCY,
          killAfterResponses: KILL_AFTER_RESPONSES,
          burstMs,
          accepted202: accepted.length,
          cutByKill: lost.length,
          refusedWhileDownAndResent: refusedAttempts,
          otherStatuses: otherStatuses.length,
          signatureRows: rows.size,
          rowsForCutSubmissions: lost.filter((address) => rowsOf(address) === 1).length,
          outboxEmails: outbox.total,
          emailsDelivered: capture.messages.length,
          emailsDeliveredBeforeKill: atKill.capturedRecipients,
          claimedButUnsentAtKill: atKill.claimedUnsent,
          queuedUnsentAtKill: atKill.queuedUnsent,
          acceptedButUnmarkedAtKill: window.size,
          duplicatedEmails: duplicated.length,
          restartMs: atKill.readyAt - atKill.killedAt,
          drainAfterRestartMs: drainedAt - atKill.readyAt,
          lastEmailAfterRestartMs: lastMessageAt ? lastMessageAt - atKill.readyAt : null,
        },
      };
    } finally {
      await app.stop();
      await capture.close();
      await database.remove();
    }
  },
};
