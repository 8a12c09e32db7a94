/**
 * Runs `work` every `intervalMs`, never two runs at once, straight away again when a run says
 * there is more to do, and survives failures (a database restart must not stop the jobs).
 */
export type RepeatingJob = { kick(): void; stop(): Promise<void> };

export function startRepeatingJob(options: {
  name: string;
  /** Resolves true when it stopped early with more work waiting (a full batch). */
  work: () => Promise<boolean>;
  intervalMs: number;
  log?: (message: string) => void;
}): RepeatingJob {
  const log = options.log ?? ((message: string) => console.error(message));
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, delay).unref();
  };

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      let more = false;
      try {
        more = await options.work();
      } catch (error) {
        log(`[undersigned] ${options.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      running = undefined;
      const next = more || again;
      again = false;
      schedule(next ? 0 : options.intervalMs);
    })();
  }

  schedule(0);
  return {
    kick: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
