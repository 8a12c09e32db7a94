import type { TDb } from "@/lib/db/prisma";
import { claimDueEmails, type TClaimedEmail } from "./claim-due-emails";
import { describeSendError } from "./describe-send-error";
import { isMailServerUnreachable } from "./is-mail-server-unreachable";
import type { TAnyEmailTemplate } from "./email-template";
import { isPlausibleAddress } from "./is-plausible-address";
import { retryDelayMs } from "./retry-delay";
import { singleLine } from "./single-line";
import type { TMailTransport } from "./transports";

export type TDeliverDueEmailsDeps = {
  transport: TMailTransport;
  /** By template name, as stored in OutboxEmail.template. */
  templates: Record<string, TAnyEmailTemplate>;
  from: string;
  appUrl: string;
  /** Given to templates that issue sign-in links (see TEmailContext). */
  authSecret?: string;
  now?: () => Date;
  batchSize?: number;
  /** How long a claimed email is left to this worker before another may take it (see claimDueEmails). */
  leaseSeconds?: number;
  log?: (message: string) => void;
};

export const DEFAULT_BATCH_SIZE = 20;
// Sends run a few at a time: enough to keep up with a signing spike on a remote SMTP server,
// few enough not to look like a flood to it.
const CONCURRENCY = 5;
// The lease is how long the emails of a worker that died (a crash, a SIGKILL, a lost machine)
// wait before another worker sends them: a signer waits that long for their link, so it is short.
// It stays safe because no send starts once less than SEND_RESERVE_MS of the lease is left (the
// rest of the batch is handed back), and one SMTP exchange is bounded by the transport's 10 s
// step timeouts: only a server stalling each step just under its timeout could outlast it.
export const DEFAULT_LEASE_SECONDS = 60;
const SEND_RESERVE_MS = 40_000;
// By then an email has been failing for over an hour: someone must look.
const LOUD_AFTER_ATTEMPTS = 10;
// Past this age a queued email is given up, its address erased: the retries have spanned a
// week of outages by then, and keeping an address for ever is the worse failure.
const GIVE_UP_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Sends the emails that are due, each at most once at a time across all workers, and records
 * the outcome. A sent email keeps no address and no data (the data may hold a signer's name);
 * a failed one is retried with backoff, for ever. Delivery is at least once: a crash between
 * the server accepting a message and the row being marked sent means it is sent again.
 * Two failures end the retries, erasing the address: the receiving server refusing this
 * recipient for good (a 5xx answer to RCPT TO: no such mailbox), and a week of failing.
 */
export async function deliverDueEmails(db: TDb, deps: TDeliverDueEmailsDeps): Promise<{ sent: number; failed: number }> {
  const clock = deps.now ?? (() => new Date());
  const log = deps.log ?? ((message: string) => console.error(message));
  const claimedAt = clock();
  const leaseMs = (deps.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  const claimed = await claimDueEmails(db, { now: claimedAt, batchSize: deps.batchSize ?? DEFAULT_BATCH_SIZE, leaseSeconds: leaseMs / 1000 });
  const lastSendStart = claimedAt.getTime() + leaseMs - Math.min(SEND_RESERVE_MS, leaseMs / 2);

  const failures: string[] = [];
  let retrySucceeded = false;
  // Real time, not the injected clock: how long a sent email's record may be retried (below).
  const recordUntil = Date.now() + Math.max(0, claimedAt.getTime() + leaseMs - clock().getTime());
  const batch: TBatchState = { databaseDown: false, mailServerDown: false };
  const queue = [...claimed];
  const sendNext = async (): Promise<void> => {
    // While a sent email cannot be recorded, sending more would only add to what may go twice;
    // once the mail server is unreachable, every further send would be one more connection
    // attempt failing the same way (a batch of 20 was 20 attempts in a burst): the rest of the
    // batch is handed back, and the worker's pause decides when to try again.
    while (queue.length > 0 && !batch.databaseDown && !batch.mailServerDown && clock().getTime() <= lastSendStart) {
      const email = queue.shift()!;
      const failure = await deliverOne(db, deps, email, clock, log, { batch, recordUntil });
      if (failure !== null) failures.push(failure);
      else if (email.attempts > 1) retrySucceeded = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, sendNext));
  if (queue.length > 0) await handBack(db, queue, new Date(claimedAt.getTime() + leaseMs), clock(), log);
  if (retrySucceeded) await releaseHeldBackEmails(db, clock(), log);

  if (failures.length > 0) {
    log(`[undersigned] Email delivery: ${failures.length} of ${claimed.length} failed and will be retried (${failures[0]}).`);
  }
  return { sent: claimed.length - queue.length - failures.length, failed: failures.length };
}

/**
 * Once an email that had failed goes through, the failure was most likely the server's (down,
 * refusing, unreachable) and it is back: every email still waiting out a backoff is made due
 * now. Otherwise the emails queued during an outage would each wait for their own next attempt,
 * up to as long again as the outage had lasted (doubling delays), after the server returned.
 * Rows being sent are left alone: a claim clears the error (see claimDueEmails). An email that
 * fails for reasons of its own is simply tried once more, and backs off further.
 */
async function releaseHeldBackEmails(db: TDb, now: Date, log: (message: string) => void): Promise<void> {
  try {
    await db.outboxEmail.updateMany({
      where: { sentAt: null, abandonedAt: null, lastError: { not: null }, nextAttemptAt: { gt: now } },
      data: { nextAttemptAt: now },
    });
  } catch (error) {
    // They are retried at their own time.
    log(`[undersigned] Emails held back by earlier failures could not be released: ${describeSendError(error)}`);
  }
}

/**
 * Makes claimed emails that this run had no time left to send, or stopped sending when the mail
 * server went away, due again at once, as if never claimed, so that they neither wait out the
 * lease nor count as an attempt. Only while they are
 * still this run's (their lease, to the millisecond): the last sends may have ended after it,
 * and another worker may hold them now.
 */
async function handBack(db: TDb, emails: TClaimedEmail[], leaseUntil: Date, now: Date, log: (message: string) => void): Promise<void> {
  try {
    await db.outboxEmail.updateMany({
      where: { id: { in: emails.map((email) => email.id) }, sentAt: null, nextAttemptAt: leaseUntil },
      data: { nextAttemptAt: now, attempts: { decrement: 1 } },
    });
  } catch (error) {
    // Their lease still stands: they are sent when it ends.
    log(`[undersigned] ${emails.length} claimed emails could not be handed back: ${describeSendError(error)}`);
  }
}

/** Returns null once sent, or why it failed (no address in it). */
async function deliverOne(
  db: TDb,
  deps: TDeliverDueEmailsDeps,
  email: TClaimedEmail,
  clock: () => Date,
  log: (message: string) => void,
  recording: { batch: TBatchState; recordUntil: number },
): Promise<string | null> {
  try {
    await renderAndSend(db, deps, email, clock);
  } catch (error) {
    if (isMailServerUnreachable(error)) recording.batch.mailServerDown = true;
    const reason = describeSendError(error, email.to);
    const now = clock();
    const giveUp = isRecipientRefusedForGood(error) || now.getTime() - email.createdAt.getTime() > GIVE_UP_AFTER_MS;
    try {
      await db.outboxEmail.updateMany({
        where: { id: email.id, sentAt: null },
        data: giveUp
          ? { lastError: reason, abandonedAt: now, to: null, data: {} }
          : { lastError: reason, nextAttemptAt: new Date(now.getTime() + retryDelayMs(email.attempts)) },
      });
    } catch (recordError) {
      // The claim's lease still stands, so the email is retried when it ends.
      log(`[undersigned] Email ${email.id} failed and the failure could not be recorded: ${describeSendError(recordError)}`);
    }
    if (giveUp) {
      log(`[undersigned] ATTENTION: gave up on email ${email.id} ("${email.template}") after ${email.attempts} attempts: ${reason}`);
    } else if (email.attempts >= LOUD_AFTER_ATTEMPTS) {
      log(`[undersigned] ATTENTION: email ${email.id} ("${email.template}") has failed ${email.attempts} times and is still being retried: ${reason}`);
    }
    return reason;
  }

  await recordSent(db, email, clock, log, recording);
  return null;
}

/** What one run has learnt of its surroundings, shared by its concurrent sends. */
type TBatchState = { databaseDown: boolean; mailServerDown: boolean };

const RECORD_RETRY_FIRST_MS = 250;
const RECORD_RETRY_MAX_MS = 2_000;

/**
 * Marks a sent email sent, trying again while the database is away (a restart takes seconds)
 * until its lease ends: an email whose record is lost is sent a second time after its lease,
 * so giving up at the first refusal turned every send of a database restart into a duplicate.
 */
async function recordSent(
  db: TDb,
  email: TClaimedEmail,
  clock: () => Date,
  log: (message: string) => void,
  recording: { batch: TBatchState; recordUntil: number },
): Promise<void> {
  for (let wait = RECORD_RETRY_FIRST_MS; ; wait = Math.min(wait * 2, RECORD_RETRY_MAX_MS)) {
    try {
      await db.outboxEmail.updateMany({
        where: { id: email.id },
        data: { sentAt: clock(), to: null, data: {}, lastError: null },
      });
      return;
    } catch (error) {
      recording.batch.databaseDown = true;
      if (Date.now() + wait >= recording.recordUntil) {
        log(`[undersigned] Email ${email.id} was sent but could not be marked sent; it will be sent again after its lease: ${describeSendError(error)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

async function renderAndSend(db: TDb, deps: TDeliverDueEmailsDeps, email: TClaimedEmail, clock: () => Date): Promise<void> {
  // Own properties only: a stored name such as "constructor" must not find Object's prototype.
  const template = Object.hasOwn(deps.templates, email.template) ? deps.templates[email.template] : undefined;
  if (!template) throw new Error(`Unknown email template "${email.template}"`);
  if (email.to === null || !isPlausibleAddress(email.to)) {
    throw new Error("The stored recipient is not a plain email address");
  }
  const data = template.data.safeParse(email.data);
  if (!data.success) {
    const issues = data.error.issues.map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`);
    throw new Error(`Stored data does not fit template "${email.template}": ${issues.join("; ")}`);
  }
  const rendered = await template.render(data.data, { db, appUrl: deps.appUrl, authSecret: deps.authSecret, now: clock() });
  await deps.transport.send({
    from: deps.from,
    to: email.to,
    subject: singleLine(rendered.subject),
    text: rendered.text,
    html: rendered.html,
  });
}

/**
 * A permanent refusal of this recipient by the receiving server (nodemailer's EENVELOPE with a
 * 5xx code), as opposed to a server-wide problem (authentication, relaying, an outage), which
 * would refuse every email and must not make us give up on any of them.
 */
function isRecipientRefusedForGood(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return code === "EENVELOPE" && typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
}
