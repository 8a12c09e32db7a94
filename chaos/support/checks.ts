/** One expectation of a scenario, checked (not just printed), with the figure it was checked on. */
export type TCheck = { expectation: string; passed: boolean; detail: string };

/** The expectations of one scenario, in the order they were checked. */
export class Checks {
  readonly list: TCheck[] = [];

  that(expectation: string, passed: boolean, detail: string): void {
    this.list.push({ expectation, passed, detail });
  }

  get passed(): boolean {
    return this.list.length > 0 && this.list.every((check) => check.passed);
  }
}

/** The `fraction` quantile (0.99 → p99) of `values`, nearest rank; null when there are none. */
export function quantile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? null;
}

/** Resolves once `condition` holds (polled every `everyMs`), or with false after `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
