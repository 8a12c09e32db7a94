import type { TDb, Prisma } from "@/lib/db/prisma";

export type TClaimedEmail = {
  id: bigint;
  to: string | null;
  template: string;
  data: Prisma.JsonValue;
  /** Including this one. */
  attempts: number;
  createdAt: Date;
};

/**
 * Takes up to `batchSize` due emails for this worker by pushing their next attempt a lease into
 * the future, in one short statement: the rows are locked only while it runs, not while the
 * messages are sent. Another worker (another instance) skips rows being claimed and then sees
 * them as not due, so no two workers send the same email at once; a worker that dies after
 * claiming simply lets the lease run out, and the email is claimed again.
 *
 * The previous attempt's error is cleared: an unsent row with an error is one waiting out its
 * backoff, never one being sent (see releaseHeldBackEmails).
 *
 * Every send must end within the lease, or an email could be claimed again while still being
 * sent (a duplicate email, never a lost one): deliverDueEmails starts no send near its end.
 */
export async function claimDueEmails(db: TDb, options: { now: Date; batchSize: number; leaseSeconds: number }): Promise<TClaimedEmail[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000);
  return db.$queryRaw<TClaimedEmail[]>`
    WITH due AS (
      SELECT id FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND "abandonedAt" IS NULL AND "nextAttemptAt" <= ${options.now}
      ORDER BY "nextAttemptAt", id
      LIMIT ${options.batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxEmail" AS email
    SET "nextAttemptAt" = ${leaseUntil}, "attempts" = email."attempts" + 1, "lastError" = NULL
    FROM due
    WHERE email.id = due.id
    RETURNING email.id, email."to", email."template", email."data", email."attempts", email."createdAt"`;
}
