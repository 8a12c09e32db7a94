import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

export type TChildSpec = { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv };

export type TSupervisor = {
  children: readonly ChildProcess[];
  /** Passes `signal` to every child; `exitCode` then resolves 0 once all have exited. */
  stop(signal?: NodeJS.Signals): void;
  /** 0 after a requested stop; 1 when a child exited on its own (the others are stopped first). */
  exitCode: Promise<number>;
};

/** How long a child may take over a graceful stop before it is killed. */
const STOP_GRACE_MS = 15_000;

/**
 * Runs a set of interchangeable processes (the cluster's Next instances) as one unit: their
 * output is prefixed with their name, a stop request reaches all of them, and one that dies
 * on its own is reported loudly and takes the others down with a non-zero exit. We do not
 * restart it here: a launcher that quietly restarts hides a crash loop, and whatever runs the
 * launcher (systemd, Docker, Kubernetes) already restarts on a non-zero exit, with backoff.
 */
export function superviseChildren(specs: readonly TChildSpec[], log: (message: string) => void, alarm: (message: string) => void): TSupervisor {
  let stopping = false;
  let failed = false;
  const children = specs.map((spec) => {
    const child = spawn(spec.command, spec.args, { env: spec.env, stdio: ["ignore", "pipe", "pipe"] });
    readline.createInterface({ input: child.stdout! }).on("line", (line) => process.stdout.write(`[${spec.name}] ${line}\n`));
    readline.createInterface({ input: child.stderr! }).on("line", (line) => process.stderr.write(`[${spec.name}] ${line}\n`));
    return child;
  });

  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const force = setTimeout(() => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }, STOP_GRACE_MS);
    force.unref();
  };

  const exits = children.map(
    (child, index) =>
      new Promise<void>((resolve) => {
        let settled = false;
        const settle = (code: number | null, signal: NodeJS.Signals | null) => {
          if (settled) return;
          settled = true;
          if (!stopping) {
            failed = true;
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            alarm(`${specs[index]!.name} (pid ${child.pid}) ${how}. Stopping the other instances; the cluster exits with code 1.`);
            stopAll("SIGTERM");
          }
          resolve();
        };
        child.once("exit", settle);
        // A child that cannot even be spawned emits `error` without `exit`.
        child.once("error", (error) => {
          log(`${specs[index]!.name} could not run: ${error.message}`);
          settle(null, null);
        });
      }),
  );

  return {
    children,
    stop: (signal = "SIGTERM") => stopAll(signal),
    exitCode: Promise.all(exits).then(() => (failed ? 1 : 0)),
  };
}
