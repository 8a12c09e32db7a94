import "server-only";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { createCountStreams, type TCountStreams } from "@/lib/counts/count-event-stream";
import { CountHub } from "@/lib/counts/count-hub";
import { loadChangedCountSnapshots, loadCountSnapshot } from "@/lib/counts/count-snapshots";
import { startRepeatingJob, type TRepeatingJob } from "@/lib/jobs/repeating-job";

type LiveCounts = { hub: CountHub; streams: TCountStreams; poll: TRepeatingJob };

const globalForCounts = globalThis as typeof globalThis & { undersignedLiveCounts?: LiveCounts };

// Folds run twice a second too (lib/jobs/background-jobs.ts), so a confirmation reaches open
// pages in about a second: one query per process per interval, whatever the number of viewers.
const POLL_INTERVAL_MS = 500;

/**
 * This process's counts: the hub behind the count endpoint, badges and live totals, polled
 * once a second (one query, and none while no letter is being read), and its event streams.
 * Started on first use, so `next build` and processes that never serve counts make no queries.
 */
export function liveCounts(): LiveCounts {
  if (!globalForCounts.undersignedLiveCounts) {
    const db = getDb();
    const min = getEnv().MIN_PUBLIC_GROUP;
    const hub = new CountHub({ load: (slug) => loadCountSnapshot(db, slug, min), loadChanged: (since) => loadChangedCountSnapshots(db, since, min) });
    const poll = startRepeatingJob({
      name: "Live counts",
      intervalMs: POLL_INTERVAL_MS,
      work: async () => {
        await hub.refresh();
        return false;
      },
    });
    globalForCounts.undersignedLiveCounts = { hub, streams: createCountStreams(hub), poll };
  }
  return globalForCounts.undersignedLiveCounts;
}

/** How many letters this process keeps counts for, and how many event streams it feeds: for the health probe and load tests. */
export function liveCountStats(): { letters: number; streams: number } {
  const live = globalForCounts.undersignedLiveCounts;
  return { letters: live?.hub.letterCount ?? 0, streams: live?.streams.openCount ?? 0 };
}
