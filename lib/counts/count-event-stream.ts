import type { CountHub } from "./count-hub";
import type { TCountSnapshot } from "./count-snapshots";

export type TCountStreams = {
  /** A `text/event-stream` body: the current counts at once, then each change, until `signal` aborts. */
  open(slug: string, first: TCountSnapshot, signal: AbortSignal): ReadableStream<Uint8Array>;
  readonly openCount: number;
  close(): void;
};

const encoder = new TextEncoder();
// A comment line: keeps proxies from closing a quiet connection, and shows a dead one.
const HEARTBEAT = encoder.encode(": keep-alive\n\n");
// A client this far behind (a stalled phone) is dropped; EventSource reconnects when it can.
const MAX_QUEUED_BYTES = 64 * 1024;

/**
 * Server-sent events for live totals, built for thousands of open pages per process: one
 * encoding of each new snapshot shared by every subscriber of its letter, one heartbeat timer
 * for all connections (not one per connection), and each client told to wait a random 2–5 s
 * before reconnecting, so a restart does not bring every viewer back in the same instant.
 */
export function createCountStreams(hub: CountHub, options: { heartbeatMs?: number; random?: () => number } = {}): TCountStreams {
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const random = options.random ?? Math.random;
  const encoded = new WeakMap<TCountSnapshot, Uint8Array>();
  // Each open stream's controller, with the function that closes it and unsubscribes it.
  const open = new Map<ReadableStreamDefaultController<Uint8Array>, () => void>();
  let heartbeat: NodeJS.Timeout | undefined;

  const encode = (snapshot: TCountSnapshot) => {
    let bytes = encoded.get(snapshot);
    if (!bytes) {
      bytes = encoder.encode(`event: count\ndata: ${JSON.stringify(snapshot)}\n\n`);
      encoded.set(snapshot, bytes);
    }
    return bytes;
  };

  const send = (controller: ReadableStreamDefaultController<Uint8Array>, bytes: Uint8Array, close: () => void) => {
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) return close();
    try {
      controller.enqueue(bytes);
    } catch {
      close();
    }
  };

  return {
    open(slug, first, signal) {
      let cleanup = () => {};
      return new ReadableStream<Uint8Array>(
        {
          start(controller) {
            const close = () => {
              cleanup();
              try {
                controller.close();
              } catch {
                // already closed by the client
              }
            };
            const unsubscribe = hub.subscribe(slug, (snapshot) => send(controller, encode(snapshot), close));
            cleanup = () => {
              unsubscribe();
              open.delete(controller);
              signal.removeEventListener("abort", close);
              if (open.size === 0) {
                clearInterval(heartbeat);
                heartbeat = undefined;
              }
              cleanup = () => {};
            };
            signal.addEventListener("abort", close);
            open.set(controller, close);
            heartbeat ??= setInterval(() => {
              for (const [each, closeEach] of open) send(each, HEARTBEAT, closeEach);
            }, heartbeatMs).unref();
            controller.enqueue(encoder.encode(`retry: ${Math.round(2000 + random() * 3000)}\n\n`));
            controller.enqueue(encode(first));
            if (signal.aborted) close();
          },
          cancel() {
            cleanup();
          },
        },
        new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
      );
    },
    get openCount() {
      return open.size;
    },
    close() {
      for (const closeEach of [...open.values()]) closeEach();
    },
  };
}
