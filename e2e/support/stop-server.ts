import { readFile, writeFile } from "node:fs/promises";
import { setTimeout as delay } from "node:timers/promises";

// Playwright stops its web server after every teardown has run: the database would be dropped
// and the mail capture closed under a server still running its jobs, which then prints
// `database "undersigned_e2e_…" does not exist` and refused SMTP connections into a clean run.
// So the teardown stops the server itself, first, through the pid it wrote at start.

const pidFile = () => `${process.env.E2E_SERVER_LOG ?? "/tmp/undersigned-e2e-server"}.pid`;

/** Called by e2e/support/start-server.ts once it runs. */
export async function recordServerPid(pid: number): Promise<void> {
  await writeFile(pidFile(), String(pid));
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Asks the web server to stop and waits until it has (it finishes requests in flight first). */
export async function stopServer(timeoutMs = 15_000): Promise<void> {
  const pid = Number(await readFile(pidFile(), "utf8").catch(() => ""));
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  // A process exit has no event to wait on from another process: look every 50 ms.
  while (isAlive(pid) && Date.now() < deadline) await delay(50);
}
