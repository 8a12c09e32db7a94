import { setTimeout as delay } from "node:timers/promises";
import { startSmtpCapture, type TSmtpCapture } from "@/tests/support/smtp-capture";
import { startChaosApp } from "../support/chaos-app";
import { startChaosDatabase } from "../support/chaos-database";
import { Checks, waitFor } from "../support/checks";
import type { TScenario } from "../support/scenario";
import { chaosSigners, emailsByRecipient, submitSignature } from "../support/signers";

const SUBMISSIONS = 40;
const OUTAGE_MS = 60_000;
const DELIVERY_TIMEOUT_MS = 180_000;
// After a minute down, the outbox's pause (2 s doubling, one probe email after each: see
// run-outbox-worker.ts) must not leave mail waiting long once the server is back.
const RECOVERY_TO_LAST_DELIVERY_LIMIT_MS = 30_000;

/**
 * The SMTP port refuses connections (nothing listens on it) for a minute while signatures come
 * in; then a server starts on it. The app is not touched.
 */
export const smtpOutage: TScenario = {
  name: "smtp-outage",
  claim: "SMTP refuses connections for a minute: the outbox probes with one email at a time, no connection storm; all arrive; none is sent twice.",
  async run(ports) {
    const checks = new Checks();
    const database = await startChaosDatabase(ports.database);
    const app = await startChaosApp({ name: this.name, port: ports.app, databaseUrl: database.url, smtpPort: ports.smtp });
    let capture: TSmtpCapture | undefined;
    try {
      const downAt = Date.now();
      const addresses = chaosSigners(SUBMISSIONS);
      const outcomes = await Promise.all(addresses.map((address) => submitSignature(app.url, address)));
      const accepted = addresses.filter((_, i) => {
        const o = outcomes[i]!;
        return o.kind === "answered" && o.status === 202;
      });

      await delay(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
      const attemptsDuringOutage = await database.db.outboxEmail.aggregate({ _sum: { attempts: true }, _max: { attempts: true } });
      const sentDuringOutage = await database.db.outboxEmail.count({ where: { sentAt: { not: null } } });
      capture = await startSmtpCapture({ port: ports.smtp });
      const upAt = Date.now();
      const smtp = capture;

      const allArrived = await waitFor(() => accepted.every((address) => emailsByRecipient(smtp).has(address)), DELIVERY_TIMEOUT_MS, 250);
      // A little longer, so that a second copy on its way would be seen.
      await delay(3_000);
      const emails = emailsByRecipient(smtp);
      const duplicated = accepted.filter((address) => (emails.get(address) ?? 0) > 1);
      const lastDeliveryAt = Math.max(...smtp.messages.map((message) => message.receivedAt));
      const rows = await database.db.outboxEmail.findMany({ select: { attempts: true, sentAt: true, createdAt: true, abandonedAt: true } });
      const attemptsHistogram: Record<string, number> = {};
      for (const row of rows) attemptsHistogram[row.attempts] = (attemptsHistogram[row.attempts] ?? 0) + 1;
      const retried = rows.filter((row) => row.attempts > 1).length;

      checks.that("every submission was accepted while SMTP was down", accepted.length === SUBMISSIONS, `${accepted.length} × 202 of ${SUBMISSIONS}`);
      // The outbox kept trying (more than its first failed run) without a storm: fewer attempts
      // in the whole minute than there were emails.
      const triedDuringOutage = attemptsDuringOutage._sum.attempts ?? 0;
      checks.that(
        "nothing was delivered while SMTP was down; the outbox kept probing, fewer times than there were emails",
        sentDuringOutage === 0 && triedDuringOutage >= 2 && triedDuringOutage <= SUBMISSIONS,
        `${sentDuringOutage} sent during the outage; ${triedDuringOutage} attempts, at most ${attemptsDuringOutage._max.attempts ?? 0} per email; attempts per email by the end ${JSON.stringify(attemptsHistogram)}`,
      );
      checks.that("all emails arrived once SMTP was back", allArrived, `${accepted.filter((address) => emails.has(address)).length} of ${accepted.length}`);
      checks.that(
        "none was sent twice",
        duplicated.length === 0 && smtp.messages.length === accepted.length,
        `${smtp.messages.length} messages for ${accepted.length} emails, ${duplicated.length} duplicated`,
      );
      checks.that(
        "none was abandoned",
        rows.every((row) => row.abandonedAt === null && row.sentAt !== null),
        `${rows.filter((row) => row.sentAt === null).length} unsent`,
      );
      checks.that(
        `the last email arrived within ${RECOVERY_TO_LAST_DELIVERY_LIMIT_MS / 1000} s of SMTP coming back`,
        allArrived && lastDeliveryAt - upAt <= RECOVERY_TO_LAST_DELIVERY_LIMIT_MS,
        `${lastDeliveryAt - upAt} ms`,
      );

      return {
        checks: checks.list,
        figures: {
          submissions: SUBMISSIONS,
          accepted202: accepted.length,
          outageMs: upAt - downAt,
          attemptsDuringOutage: attemptsDuringOutage._sum.attempts,
          maxAttemptsPerEmailDuringOutage: attemptsDuringOutage._max.attempts,
          emailsDelivered: smtp.messages.length,
          duplicated: duplicated.length,
          emailsRetried: retried,
          attemptsPerEmail: attemptsHistogram,
          firstDeliveryAfterRecoveryMs: Math.min(...smtp.messages.map((message) => message.receivedAt)) - upAt,
          lastDeliveryAfterRecoveryMs: lastDeliveryAt - upAt,
        },
      };
    } finally {
      await app.stop();
      await capture?.close();
      await database.remove();
    }
  },
};
