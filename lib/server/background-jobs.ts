import "server-only";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { startBackgroundJobs, type BackgroundJobs } from "@/lib/jobs/background-jobs";

const globalForJobs = globalThis as typeof globalThis & { undersignedJobs?: BackgroundJobs };

/** Starts this web process's background jobs once, when BACKGROUND_JOBS=in-process. */
export function startInProcessJobs(): void {
  if (globalForJobs.undersignedJobs || getEnv().BACKGROUND_JOBS !== "in-process") return;
  globalForJobs.undersignedJobs = startBackgroundJobs(getDb(), getEnv());
}

/** Delivers queued email now rather than at the next tick, when this process runs the outbox. */
export function kickOutbox(): void {
  globalForJobs.undersignedJobs?.outbox.kick();
}
