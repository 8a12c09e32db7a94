/**
 * Runs `work` every `intervalMs`, never two runs at once, straight away again when a run says
 * there is more to do, and survives failures (a database restart must not stop the jobs).
 */
export type TRepeatingJob = { kick(): void; stop(): Promise<void> };

export function startRepeatingJob(options: {
  name: string;
  /**
   * Resolves true when it stopped early with more work waiting (a full batch): it runs again at
   * once; false: after `intervalMs`; a number: after that many milliseconds (a pause it asks for,
   * which kicks during the run do not cut short).
   */
  work: () => Promise<boolean | number>;
  intervalMs: number;
  log?: (message: string) => void;
}): TRepeatingJob {
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
      let more: boolean | number = false;
      try {
        more = await options.work();
      } catch (error) {
        log(`[undersigned] ${options.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      running = undefined;
      // A pause the run asked for (the mail server is down) wins over kicks that came while it
      // ran: they were made before the pause was known, and answering them is what it avoids.
      const delay = typeof more === "number" ? more : more === true || again ? 0 : options.intervalMs;
      again = false;
      schedule(delay);
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
