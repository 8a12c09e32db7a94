import pg from "pg";
import { performLetterAction } from "@/lib/auth/organiser-action";
import { reconcileLetterCounts } from "@/lib/counts/reconcile-counts";
import type { TDb } from "@/lib/db/prisma";
import { bulkInvalidateSignatures } from "@/lib/moderation/bulk-invalidate-signatures";
import { housekeepingOnce } from "./housekeeping-once";
import { onceMs } from "./measure";
import { withLockProbe } from "./probe";
import { seedLetter, type TSeededLetter } from "./seed";

export type TJobFigures = {
  "bulk invalidation of a domain (ms)": number | string;
  "bulk invalidation: signatures ended": number;
  "bulk invalidation: longest wait of a concurrent write (ms)": number;
  "bulk invalidation: counts exact afterwards": string;
  "reconcileCounts (ms)": number | string;
  "reconcileCounts: longest wait of a concurrent write (ms)": number;
  "retention run (ms)": number | string;
  "retention: longest wait of a concurrent write (ms)": number;
  "retention: address keys left": number;
  "retention: never-counted rows left": number;
  "retention: repeat run (ms)": number | string;
  "housekeeping: due letter closed in the same run": string;
};

const settings = { requireApproval: false, appUrl: "http://localhost:3000", minPublicGroup: 5 };

/** The bulk jobs on one letter, in the order that leaves each measurement on intact data. */
export async function measureLetterJobs(db: TDb, pool: pg.Pool, url: string, letter: TSeededLetter): Promise<TJobFigures> {
  const figures: Partial<TJobFigures> = {};
  const owner = (
    await pool.query<{ userId: string; email: string }>(
      `SELECT u.id AS "userId", u.email FROM "LetterOrganiser" o JOIN "User" u ON u.id = o."userId" WHERE o."letterId" = $1 LIMIT 1`,
      [letter.id],
    )
  ).rows[0]!;
  const actor = { ...owner, isAdmin: false };

  const bulk = await withLockProbe(url, letter.id, () =>
    onceMs(() =>
      performLetterAction({ db, now: new Date(), settings }, actor, bulkInvalidateSignatures, letter.id, {
        filter: { domain: "d7.example" },
        reason: "Scale test",
      }),
    ),
  );
  figures["bulk invalidation of a domain (ms)"] = bulk.result.error ? `failed after ${bulk.result.ms} ms: ${bulk.result.error}` : bulk.result.ms;
  figures["bulk invalidation: signatures ended"] = (bulk.result.result as { total?: number } | undefined)?.total ?? 0;
  figures["bulk invalidation: longest wait of a concurrent write (ms)"] = bulk.maxWaitMs;

  // This letter's reconciliation (what reconcileCounts runs for each letter in turn): the whole
  // run's time is the sum over the database's letters, and measured for the small letter with
  // the big one beside it, it was the big one's.
  const reconcile = await withLockProbe(url, letter.id, () => onceMs(() => reconcileLetterCounts(db, letter.id)));
  figures["reconcileCounts (ms)"] = reconcile.result.error ? `failed after ${reconcile.result.ms} ms: ${reconcile.result.error}` : reconcile.result.ms;
  figures["reconcileCounts: longest wait of a concurrent write (ms)"] = reconcile.maxWaitMs;
  // The bulk invalidation's count events, folded by the reconciliation, must have left exactly
  // the confirmed rows counted: a second reconciliation then corrects nothing.
  const drift = await reconcileLetterCounts(db, letter.id).catch(() => -1);
  figures["bulk invalidation: counts exact afterwards"] = drift === 0 ? "yes" : `no (${drift} rows corrected)`;

  // Closed 300 days ago, retention 180 days; another letter's closing date passed a minute ago.
  await pool.query(`UPDATE "Letter" SET status = 'CLOSED', "closedAt" = now() - interval '300 days' WHERE id = $1`, [letter.id]);
  const due = await seedLetter(pool, {
    slug: `${letter.slug}-due`,
    confirmed: 10,
    withdrawn: 0,
    invalidated: 0,
    pending: 0,
    closesAt: new Date(Date.now() - 60_000),
  });
  const retention = await withLockProbe(url, letter.id, () => onceMs(() => housekeepingOnce(db, new Date(), 180)));
  figures["retention run (ms)"] = retention.result.error ? `failed after ${retention.result.ms} ms: ${retention.result.error}` : retention.result.ms;
  figures["retention: longest wait of a concurrent write (ms)"] = retention.maxWaitMs;
  const left = (
    await pool.query<{ keys: string; uncounted: string }>(
      `SELECT count(*) FILTER (WHERE "emailKey" NOT LIKE 'erased:%') AS keys, count(*) FILTER (WHERE state <> 'CONFIRMED') AS uncounted FROM "Signature" WHERE "letterId" = $1`,
      [letter.id],
    )
  ).rows[0]!;
  figures["retention: address keys left"] = Number(left.keys);
  figures["retention: never-counted rows left"] = Number(left.uncounted);
  const again = await onceMs(() => housekeepingOnce(db, new Date(), 180));
  figures["retention: repeat run (ms)"] = again.error ? `failed after ${again.ms} ms: ${again.error}` : again.ms;
  const status = (await pool.query<{ status: string }>(`SELECT status FROM "Letter" WHERE id = $1`, [due.id])).rows[0]!.status;
  figures["housekeeping: due letter closed in the same run"] = status === "CLOSED" ? "yes" : `no (${status})`;
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
  return figures as TJobFigures;
}
