import { fork, type ChildProcess } from "node:child_process";

export type TJobsSupervisor = {
  /** Asks the jobs process to deliver the outbox now; at most one message per tick. */
  kickOutbox(): void;
  /** Stops the jobs process (SIGTERM: it finishes its current batch) and does not restart it. */
  stop(): Promise<void>;
};

const RESTART_FIRST_MS = 1_000;
const RESTART_MAX_MS = 30_000;
// A child that ran this long before dying was healthy: the next restart starts from the first delay.
const HEALTHY_AFTER_MS = 60_000;

/**
 * Runs `script` (scripts/jobs-process.ts) as a child process and keeps it running: restarted
 * after a crash with a delay that doubles while it keeps crashing (1 s up to 30 s), so a crash
 * loop neither spins nor goes unnoticed (each exit is logged). The child exits by itself when
 * this process dies, through the IPC channel (see the script).
 */
export function superviseJobsProcess(options: { script: string; env: NodeJS.ProcessEnv; log?: (message: string) => void }): TJobsSupervisor {
  const log = options.log ?? ((message: string) => console.error(message));
  let child: ChildProcess | undefined;
  let stopped = false;
  let delay = RESTART_FIRST_MS;
  let restartTimer: NodeJS.Timeout | undefined;
  let kickPending = false;

  const start = () => {
    const startedAt = Date.now();
    const current = fork(options.script, [], { execArgv: ["--import", "tsx"], env: options.env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child = current;
    // A send to a child that just died fails asynchronously; the restart takes care of it.
    current.on("error", (error) => log(`[undersigned] Background jobs process: ${error.message}`));
    current.on("exit", (code, signal) => {
      if (child === current) child = undefined;
      if (stopped) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) delay = RESTART_FIRST_MS;
      log(`[undersigned] Background jobs process exited (${signal ?? `code ${code}`}); restarting it in ${delay / 1000} s.`);
      restartTimer = setTimeout(start, delay);
      restartTimer.unref();
      delay = Math.min(delay * 2, RESTART_MAX_MS);
    });
  };
  start();

  return {
    kickOutbox() {
      if (kickPending) return;
      kickPending = true;
      setImmediate(() => {
        kickPending = false;
        if (child?.connected) child.send("kick", () => {});
      });
    },
    stop() {
      stopped = true;
      clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        current.once("exit", () => resolve());
        current.kill("SIGTERM");
      });
    },
  };
}
