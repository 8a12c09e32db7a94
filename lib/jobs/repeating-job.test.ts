import { describe, expect, it, vi } from "vitest";
import { startRepeatingJob } from "./repeating-job";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("startRepeatingJob", () => {
  it("runs at once, never overlaps itself, and runs again after a kick during a run", async () => {
    let active = 0;
    let maxActive = 0;
    const runs: number[] = [];
    const gate = deferred();
    const secondRun = deferred();
    const job = startRepeatingJob({
      name: "test",
      intervalMs: 60_000,
      work: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs.push(runs.length);
        if (runs.length === 1) await gate.promise;
        if (runs.length === 2) secondRun.resolve();
        active--;
        return false;
      },
    });
    while (runs.length === 0) await new Promise((r) => setImmediate(r));
    job.kick();
    job.kick();
    gate.resolve();
    await secondRun.promise;
    await job.stop();
    expect(runs).toEqual([0, 1]);
    expect(maxActive).toBe(1);
  });

  it("tries again at the next interval after a failure, and runs straight on while there is more to do", async () => {
    const outcomes: string[] = [];
    const done = deferred();
    const job = startRepeatingJob({
      name: "test",
      intervalMs: 10,
      log: (message) => outcomes.push(message),
      work: async () => {
        outcomes.push("run");
        if (outcomes.length === 1) throw new Error("database restarting");
        if (outcomes.filter((o) => o === "run").length < 4) return true;
        done.resolve();
        return false;
      },
    });
    await done.promise;
    await job.stop();
    expect(outcomes[1]).toMatch(/test failed: database restarting/);
    expect(outcomes.filter((o) => o === "run")).toHaveLength(4);
  });

  it("keeps a pause the run asked for, although it was kicked while it ran", async () => {
    vi.useFakeTimers();
    try {
      const gate = deferred();
      let runs = 0;
      const job = startRepeatingJob({
        name: "test",
        intervalMs: 10,
        work: async () => {
          runs++;
          if (runs === 1) await gate.promise;
          return 60_000;
        },
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(runs).toBe(1);
      job.kick();
      gate.resolve();
      await vi.advanceTimersByTimeAsync(59_000);
      expect(runs, "the kick during the run did not cut the pause short").toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(runs).toBe(2);
      await job.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
