let noteRequestError: ((error: unknown) => void) | undefined;

/**
 * Runs once when a server process starts: a misconfigured production instance exits at once,
 * naming the missing setting, instead of failing on its first request; then the background
 * jobs (email delivery, count folding) start unless they run in a separate worker.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { exitOnInvalidConfig } = await import("@/lib/config/exit-on-invalid-config");
    exitOnInvalidConfig();
    const { startInProcessJobs } = await import("@/lib/wiring/background-jobs");
    startInProcessJobs();
    // The production server answers the hot POSTs with these, without Next's pipeline.
    const { registerHotPosts } = await import("@/lib/adapters/hot-posts");
    registerHotPosts();
    // Loaded here so that the hook below runs synchronously, before Next sends the 500 it is
    // about to turn into a 503 (lib/pipeline/page-outage-status.ts).
    ({ noteRequestError } = await import("@/lib/pipeline/page-outage-status"));
  }
}

/** Next calls this for every failure of a page, route or action; an outage is noted on its request. */
export function onRequestError(error: unknown) {
  noteRequestError?.(error);
}
