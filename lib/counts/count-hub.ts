import type { TChangedCounts, TCountSnapshot } from "./count-snapshots";

export type TCountListener = (snapshot: TCountSnapshot) => void;

export type TCountSource = {
  load(slug: string): Promise<TCountSnapshot | null>;
  loadChanged(since: string | null): Promise<TChangedCounts>;
};

type Entry = { snapshot: TCountSnapshot | null; fetchedAt: number; usedAt: number; listeners: Set<TCountListener> };

export type TCountHubOptions = {
  /** Milliseconds on a monotonic clock; injectable so tests need no timers. */
  now?: () => number;
  /** An unwatched letter's snapshot is reloaded after this long, so drift corrected by the reconciliation shows up. */
  maxAgeMs?: number;
  /** How long "no such letter" is remembered: random slugs must not each cost a query. */
  missingMs?: number;
  /** Letters kept at most; unwatched ones beyond this are dropped, least recently used first. */
  maxEntries?: number;
};

const same = (a: TCountSnapshot | null, b: TCountSnapshot | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.total === b.total &&
    a.updatedAt === b.updatedAt &&
    a.otherDomains === b.otherDomains &&
    JSON.stringify(a.byDomain) === JSON.stringify(b.byDomain));

/** The later of two snapshots of one letter (ISO stamps in one format compare as strings). */
const later = (a: TCountSnapshot | null, b: TCountSnapshot | null) => (a && b && (a.updatedAt ?? "") > (b.updatedAt ?? "") ? a : b);

/**
 * A process's view of letters' counts: the fast path behind the count endpoint, the badge and
 * every live total open in a browser. Letters are loaded on first request and then kept fresh by
 * `refresh()`, one query for all of them (see loadChangedCountSnapshots), which tells each
 * letter's subscribers when its counts change. So the database work is one query per interval
 * per process, whatever the number of viewers; each process polls on its own, so instances
 * agree without sharing memory.
 */
export class CountHub {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<TCountSnapshot | null>>();
  private since: string | null = null;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly missingMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly source: TCountSource,
    options: TCountHubOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.missingMs = options.missingMs ?? 10_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** A letter's counts, from memory when possible; null when no published letter has this slug. */
  async get(slug: string): Promise<TCountSnapshot | null> {
    const entry = this.entries.get(slug);
    const now = this.now();
    if (entry && this.isFresh(entry, now)) {
      entry.usedAt = now;
      return entry.snapshot;
    }
    // Concurrent first requests for one letter share one query.
    let pending = this.loading.get(slug);
    if (!pending) {
      pending = this.source.load(slug).then(
        (snapshot) => {
          this.loading.delete(slug);
          return this.store(slug, snapshot);
        },
        (error: unknown) => {
          this.loading.delete(slug);
          throw error;
        },
      );
      this.loading.set(slug, pending);
    }
    return pending;
  }

  /**
   * A letter's counts if this process holds a fresh snapshot of them, without waiting: the
   * fast path answers from it, and leaves anything else (`undefined`) to `get`.
   */
  peek(slug: string): TCountSnapshot | undefined {
    const entry = this.entries.get(slug);
    const now = this.now();
    if (!entry?.snapshot || !this.isFresh(entry, now)) return undefined;
    entry.usedAt = now;
    return entry.snapshot;
  }

  /** A watched letter is kept fresh by the polls; others are reloaded now and then. */
  private isFresh(entry: Entry, now: number): boolean {
    if (entry.snapshot) return entry.listeners.size > 0 || now - entry.fetchedAt < this.maxAgeMs;
    return now - entry.fetchedAt < this.missingMs;
  }

  /**
   * Calls `listener` with each new snapshot of the letter until the returned function is
   * called. Subscribe after `get` found the letter: a subscribed letter stays in memory.
   */
  subscribe(slug: string, listener: TCountListener): () => void {
    const entry = this.entries.get(slug) ?? this.insert(slug, null, Number.NEGATIVE_INFINITY);
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
      entry.usedAt = this.now();
    };
  }

  get letterCount(): number {
    return this.entries.size;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) count += entry.listeners.size;
    return count;
  }

  /** One poll: applies every change since the last one and tells subscribers. */
  async refresh(): Promise<void> {
    this.evict();
    if (this.entries.size === 0) {
      // Nothing to keep fresh: no query, and the next letter loaded is fresh anyway.
      this.since = null;
      return;
    }
    const { asOf, changes } = await this.source.loadChanged(this.since);
    this.since = asOf;
    for (const { slug, snapshot } of changes) {
      const entry = this.entries.get(slug);
      if (!entry || same(entry.snapshot, later(entry.snapshot, snapshot))) continue;
      entry.snapshot = snapshot;
      entry.fetchedAt = this.now();
      for (const listener of entry.listeners) {
        try {
          listener(snapshot);
        } catch (error) {
          // One broken connection must not keep the news from the others.
          console.error("[undersigned] a live-count listener failed", error);
        }
      }
    }
  }

  private store(slug: string, snapshot: TCountSnapshot | null): TCountSnapshot | null {
    const entry = this.entries.get(slug);
    if (!entry) return this.insert(slug, snapshot).snapshot;
    // A poll may have brought something newer while this load was on its way.
    entry.snapshot = entry.snapshot && snapshot ? later(snapshot, entry.snapshot) : snapshot;
    entry.fetchedAt = entry.usedAt = this.now();
    return entry.snapshot;
  }

  private insert(slug: string, snapshot: TCountSnapshot | null, fetchedAt = this.now()): Entry {
    const entry: Entry = { snapshot, fetchedAt, usedAt: this.now(), listeners: new Set() };
    this.entries.set(slug, entry);
    if (this.entries.size > this.maxEntries) this.evict();
    return entry;
  }

  private evict(): void {
    const now = this.now();
    const idle = [...this.entries].filter(([, entry]) => entry.listeners.size === 0);
    for (const [slug, entry] of idle) {
      if (now - entry.usedAt > this.maxAgeMs || (entry.snapshot === null && now - entry.fetchedAt > this.missingMs)) this.entries.delete(slug);
    }
    const excess = this.entries.size - this.maxEntries;
    if (excess > 0) {
      const oldest = idle.filter(([slug]) => this.entries.has(slug)).sort(([, a], [, b]) => a.usedAt - b.usedAt);
      for (const [slug] of oldest.slice(0, excess)) this.entries.delete(slug);
    }
  }
}
