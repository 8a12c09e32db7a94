/** Median wall time of `runs` calls after one warm-up call, in ms (two decimals). */
export async function medianMs(work: () => Promise<unknown>, runs = 7): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

/** One call's wall time in ms, and its result (or the error it threw). */
export async function onceMs<T>(work: () => Promise<T>): Promise<{ ms: number; result?: T; error?: string }> {
  const started = performance.now();
  try {
    const result = await work();
    return { ms: round(performance.now() - started), result };
  } catch (error) {
    return {
      ms: round(performance.now() - started),
      error: error instanceof Error ? error.message.split("\n").slice(-3).join(" ").slice(0, 300) : String(error),
    };
  }
}

/** Peak resident memory of this process above its level when `work` started, sampled every 20 ms. */
export async function peakRssGrowthMb<T>(work: () => Promise<T>): Promise<{ result: T; peakGrowthMb: number }> {
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakGrowthMb: round((peak - base) / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

export const round = (value: number) => Math.round(value * 100) / 100;
