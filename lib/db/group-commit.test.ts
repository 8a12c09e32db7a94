import { describe, expect, it } from "vitest";
import { groupCommit, type TGroupOutcome } from "./group-commit";

/** A writer that records each batch and finishes it when told, so a test decides what is in flight. */
function recordingWriter<TItem>(answer: (item: TItem) => TGroupOutcome<string>) {
  const batches: TItem[][] = [];
  const finishers: (() => void)[] = [];
  const write = (items: TItem[]) =>
    new Promise<TGroupOutcome<string>[]>((resolve) => {
      batches.push(items);
      finishers.push(() => resolve(items.map(answer)));
    });
  return { batches, finishers, write };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));
/** Lets the event loop turn a few times, so every flush that is due has run. */
const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await tick();
};
const ok = (item: number): TGroupOutcome<string> => ({ ok: true, value: `row ${item}` });

describe("groupCommit", () => {
  it("sends a lone item at once, and what arrives while every slot is busy together, within maxBatch", async () => {
    const writer = recordingWriter(ok);
    const commit = groupCommit({ write: writer.write, maxBatch: 3, maxConcurrent: 1 });
    const first = commit(1);
    await settle();
    expect(writer.batches).toEqual([[1]]);

    const rest = [2, 3, 4, 5, 6].map((item) => commit(item));
    await settle();
    expect(writer.batches).toHaveLength(1); // the only slot is busy: nothing else is sent
    writer.finishers[0]!();
    expect(await first).toBe("row 1");
    await settle();
    expect(writer.batches[1]).toEqual([2, 3, 4]);
    writer.finishers[1]!();
    await settle();
    expect(writer.batches[2]).toEqual([5, 6]);
    writer.finishers[2]!();
    expect(await Promise.all(rest)).toEqual(["row 2", "row 3", "row 4", "row 5", "row 6"]);
  });

  it("keeps at most maxConcurrent batches in flight", async () => {
    const writer = recordingWriter(ok);
    const commit = groupCommit({ write: writer.write, maxBatch: 1, maxConcurrent: 2 });
    const all = [1, 2, 3, 4].map((item) => commit(item));
    await settle();
    expect(writer.batches).toEqual([[1], [2]]);
    writer.finishers[0]!();
    await settle();
    expect(writer.batches).toEqual([[1], [2], [3]]);
    writer.finishers[1]!();
    writer.finishers[2]!();
    await settle();
    writer.finishers[3]!();
    expect(await Promise.all(all)).toEqual(["row 1", "row 2", "row 3", "row 4"]);
  });

  it("answers each item with its own outcome: one row's failure is that caller's alone", async () => {
    const refused = new Error("row 2 refused");
    const commit = groupCommit<number, string>({
      write: async (items) => items.map((item) => (item === 2 ? { ok: false, error: refused } : ok(item))),
      maxBatch: 10,
      maxConcurrent: 1,
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((item) => commit(item)));
    expect(outcomes).toEqual([
      { status: "fulfilled", value: "row 1" },
      { status: "rejected", reason: refused },
      { status: "fulfilled", value: "row 3" },
    ]);
  });

  it("fails every item of a batch whose write throws, and goes on with the next batch", async () => {
    let calls = 0;
    const outage = new Error("database unavailable");
    const commit = groupCommit<number, string>({
      write: async (items) => {
        calls += 1;
        if (calls === 1) throw outage;
        return items.map(ok);
      },
      maxBatch: 10,
      maxConcurrent: 1,
    });
    const failed = await Promise.allSettled([1, 2].map((item) => commit(item)));
    expect(failed.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(await commit(3)).toBe("row 3");
  });

  it("refuses a writer that answers a different number of items than it was given", async () => {
    const commit = groupCommit<number, string>({ write: async () => [], maxBatch: 10, maxConcurrent: 1 });
    await expect(commit(1)).rejects.toThrow("0 outcomes for 1 items");
  });
});
