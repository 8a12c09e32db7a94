import { describe, expect, it, vi } from "vitest";
import { superviseChildren, type TChildSpec } from "./supervise";

// Stand-ins for Next instances: tiny Node processes that print a line and wait for a signal.
const waiting = (name: string): TChildSpec => ({
  name,
  command: process.execPath,
  args: ["-e", `console.log("ready"); process.on("SIGTERM", () => process.exit(0)); setInterval(() => {}, 1000);`],
  env: process.env,
});

async function untilAllPrinted(children: readonly { stdout: NodeJS.ReadableStream | null }[]): Promise<void> {
  await Promise.all(children.map((child) => new Promise((resolve) => child.stdout!.once("data", resolve))));
}

describe("the cluster's supervisor", () => {
  it("stops every child on request and exits 0", async () => {
    const alarm = vi.fn();
    const supervisor = superviseChildren([waiting("instance 1"), waiting("instance 2")], () => {}, alarm);
    await untilAllPrinted(supervisor.children);
    supervisor.stop("SIGTERM");
    expect(await supervisor.exitCode).toBe(0);
    expect(supervisor.children.every((child) => child.exitCode !== null || child.signalCode !== null)).toBe(true);
    expect(alarm).not.toHaveBeenCalled();
  });

  it("says loudly which child died, stops the others and exits 1", async () => {
    const alarm = vi.fn();
    const supervisor = superviseChildren([waiting("instance 1"), waiting("instance 2")], () => {}, alarm);
    await untilAllPrinted(supervisor.children);
    supervisor.children[1]!.kill("SIGKILL");
    expect(await supervisor.exitCode).toBe(1);
    expect(supervisor.children[0]!.exitCode).toBe(0);
    expect(alarm).toHaveBeenCalledTimes(1);
    expect(alarm.mock.calls[0]![0]).toMatch(/^instance 2 \(pid \d+\) was killed by SIGKILL\. Stopping the other instances/);
  });
});
