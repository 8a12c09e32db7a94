import { readFile, readdir } from "node:fs/promises";

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export async function treeRssMb(rootPid: number): Promise<number> {
  const pids = await descendants(rootPid);
  let kb = 0;
  for (const pid of pids) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    kb += Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

async function descendants(rootPid: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found = [rootPid];
  for (let index = 0; index < found.length; index += 1) found.push(...(children.get(found[index]!) ?? []));
  return found;
}

/** Samples `pid`'s tree every 250 ms while `work` runs; returns its result and the peak. */
export async function withPeakMemory<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = await treeRssMb(pid);
  const timer = setInterval(() => {
    void treeRssMb(pid).then((mb) => {
      peakMb = Math.max(peakMb, mb);
    });
  }, 250);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, await treeRssMb(pid));
    return { result, peakMb };
  } finally {
    clearInterval(timer);
  }
}
