import { describe, expect, it } from "vitest";
import { CountHub, type TCountSource } from "./count-hub";
import { createCountStreams } from "./count-event-stream";
import type { TCountSnapshot } from "./count-snapshots";

const snap = (total: number, second = total): TCountSnapshot => ({
  total,
  byDomain: total ? { "example.com": total } : {},
  otherDomains: 0,
  updatedAt: `2026-11-29T10:00:${String(second).padStart(2, "0")}.000Z`,
});

/** A database stand-in that counts the queries the hub makes. */
function fakeSource(initial: Record<string, TCountSnapshot>) {
  const letters = new Map(Object.entries(initial));
  const calls = { load: 0, loadChanged: 0 };
  let pending: { slug: string; snapshot: TCountSnapshot }[] = [];
  const source: TCountSource = {
    async load(slug) {
      calls.load++;
      return letters.get(slug) ?? null;
    },
    async loadChanged(since) {
      calls.loadChanged++;
      const changes = since === null ? [] : pending;
      pending = [];
      return { asOf: "clock", changes };
    },
  };
  const change = (slug: string, snapshot: TCountSnapshot) => {
    letters.set(slug, snapshot);
    pending.push({ slug, snapshot });
  };
  return { source, calls, change };
}

describe("CountHub", () => {
  it("serves many readers of a letter from one query", async () => {
    const { source, calls } = fakeSource({ a: snap(3) });
    const hub = new CountHub(source);
    const results = await Promise.all(Array.from({ length: 50 }, () => hub.get("a")));
    expect(results.every((result) => result?.total === 3)).toBe(true);
    await hub.get("a");
    expect(calls.load).toBe(1);
  });

  it("answers a peek from memory only: nothing for a letter not loaded yet, missing or gone stale", async () => {
    let clock = 0;
    const { source, calls } = fakeSource({ a: snap(3) });
    const hub = new CountHub(source, { now: () => clock, maxAgeMs: 1_000 });
    expect(hub.peek("a")).toBeUndefined();
    expect(hub.peek("missing")).toBeUndefined();
    await hub.get("a");
    await hub.get("missing");
    expect(hub.peek("a")).toEqual(snap(3));
    expect(hub.peek("missing")).toBeUndefined();
    clock = 1_001;
    expect(hub.peek("a")).toBeUndefined();
    expect(calls.load).toBe(2);
  });

  it("remembers a missing letter briefly, so random slugs do not each cost a query", async () => {
    let clock = 0;
    const { source, calls } = fakeSource({});
    const hub = new CountHub(source, { now: () => clock, missingMs: 1_000 });
    expect(await hub.get("nope")).toBeNull();
    expect(await hub.get("nope")).toBeNull();
    expect(calls.load).toBe(1);
    clock = 2_000;
    await hub.get("nope");
    expect(calls.load).toBe(2);
  });

  it("polls with one query for all letters, however many subscribers, and tells each subscriber of its letter's changes", async () => {
    const { source, calls, change } = fakeSource({ a: snap(1), b: snap(5) });
    const hub = new CountHub(source);
    await hub.get("a");
    await hub.get("b");
    const seenA: number[] = [];
    const seenB: number[] = [];
    for (let i = 0; i < 1_000; i++) hub.subscribe("a", (s) => seenA.push(s.total));
    hub.subscribe("b", (s) => seenB.push(s.total));
    expect(hub.subscriberCount).toBe(1_001);

    await hub.refresh(); // learns the database clock
    change("a", snap(2));
    await hub.refresh();
    expect(calls.loadChanged).toBe(2);
    expect(seenA).toHaveLength(1_000);
    expect(new Set(seenA)).toEqual(new Set([2]));
    expect(seenB).toEqual([]);
    expect((await hub.get("a"))?.total).toBe(2);
    expect(calls.load).toBe(2);
  });

  it("ignores a change seen twice, or older than what it has", async () => {
    const { source, change } = fakeSource({ a: snap(4) });
    const hub = new CountHub(source);
    await hub.get("a");
    const seen: number[] = [];
    hub.subscribe("a", (s) => seen.push(s.total));
    await hub.refresh();
    change("a", snap(3, 1));
    change("a", snap(4));
    change("a", snap(5));
    change("a", snap(5));
    await hub.refresh();
    expect(seen).toEqual([5]);
  });

  it("makes no query while nobody reads or watches any letter, and drops letters nobody uses", async () => {
    let clock = 0;
    const { source, calls } = fakeSource({ a: snap(1) });
    const hub = new CountHub(source, { now: () => clock, maxAgeMs: 1_000 });
    await hub.refresh();
    expect(calls.loadChanged).toBe(0);

    await hub.get("a");
    const unsubscribe = hub.subscribe("a", () => {});
    clock = 5_000;
    await hub.refresh();
    expect(calls.loadChanged).toBe(1); // watched: kept
    unsubscribe();
    clock = 10_000;
    await hub.refresh();
    expect(calls.loadChanged).toBe(1); // idle beyond maxAge: dropped, so nothing to poll for
    await hub.get("a");
    expect(calls.load).toBe(2);
  });

  it("keeps at most maxEntries letters, dropping the least recently used", async () => {
    let clock = 0;
    const { source, calls } = fakeSource(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`l${i}`, snap(i)])));
    const hub = new CountHub(source, { now: () => clock, maxEntries: 3 });
    for (let i = 0; i < 10; i++) {
      clock = i;
      await hub.get(`l${i}`);
    }
    await hub.get("l9");
    expect(calls.load).toBe(10);
    await hub.get("l0");
    expect(calls.load).toBe(11);
  });
});

async function readAll(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!until(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  reader.releaseLock();
  return text;
}

describe("createCountStreams", () => {
  it("sends a reconnect delay and the current counts, then each change, and unsubscribes when the client leaves", async () => {
    const { source, change } = fakeSource({ a: snap(7) });
    const hub = new CountHub(source);
    const streams = createCountStreams(hub, { random: () => 0.5 });
    const first = (await hub.get("a"))!;
    const abort = new AbortController();
    const stream = streams.open("a", first, abort.signal);

    const opening = await readAll(stream, (text) => text.includes("data:"));
    expect(opening).toBe(`retry: 3500\n\nevent: count\ndata: ${JSON.stringify(first)}\n\n`);
    expect(streams.openCount).toBe(1);
    expect(hub.subscriberCount).toBe(1);

    await hub.refresh();
    change("a", snap(8));
    await hub.refresh();
    expect(await readAll(stream, (text) => text.includes("data:"))).toBe(`event: count\ndata: ${JSON.stringify(snap(8))}\n\n`);

    abort.abort();
    expect(streams.openCount).toBe(0);
    expect(hub.subscriberCount).toBe(0);
  });
});
