import type { TDb, Prisma } from "./prisma";

/**
 * How long a snapshot may stay open for one download. The rows are read as the client takes
 * them (the stream pulls a batch only when the last one was sent), so a slow connection keeps
 * the transaction open that long: a read-only snapshot blocks no writer, but it holds a pooled
 * connection and holds back vacuum, so it is bounded. A million-row export takes well under a
 * minute on this machine (bench/scale.ts).
 */
export const SNAPSHOT_STREAM_TIMEOUT_MS = 15 * 60_000;

export type TSnapshotStream<THead> = { head: THead; stream: ReadableStream<Uint8Array> };

/**
 * Reads in one consistent snapshot (REPEATABLE READ, READ ONLY) and streams what it reads: `open`
 * reads what must be known before the first byte (the head, e.g. counts to record) and returns
 * the body as text chunks, which are pulled one at a time as the consumer reads, so memory stays
 * at one chunk whatever the size. The transaction ends when the body ends, fails, or the
 * consumer cancels (a closed download). Resolves once the head is read; rejects if that fails.
 */
export function streamFromSnapshot<THead>(
  db: TDb,
  open: (tx: Prisma.TransactionClient) => Promise<{ head: THead; body: AsyncIterable<string> }>,
  options: { timeoutMs?: number } = {},
): Promise<TSnapshotStream<THead>> {
  return new Promise((resolveOpen, rejectOpen) => {
    let opened = false;
    db.$transaction(
      async (tx) => {
        // First statement of the transaction, as PostgreSQL requires of SET TRANSACTION.
        await tx.$executeRaw`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`;
        const { head, body } = await open(tx);
        const chunks = body[Symbol.asyncIterator]();
        const encoder = new TextEncoder();
        let finish: (error?: unknown) => void = () => undefined;
        const finished = new Promise<void>((resolve, reject) => {
          finish = (error) => (error === undefined ? resolve() : reject(error));
        });
        const stream = new ReadableStream<Uint8Array>(
          {
            async pull(controller) {
              try {
                const next = await chunks.next();
                if (next.done) {
                  controller.close();
                  finish();
                } else {
                  controller.enqueue(encoder.encode(next.value));
                }
              } catch (error) {
                controller.error(error);
                finish(error);
              }
            },
            async cancel() {
              await chunks.return?.();
              finish();
            },
          },
          { highWaterMark: 0 },
        );
        opened = true;
        resolveOpen({ head, stream });
        await finished;
      },
      { timeout: options.timeoutMs ?? SNAPSHOT_STREAM_TIMEOUT_MS, maxWait: 10_000 },
    ).catch((error: unknown) => {
      // Before the head: the caller answers with an error. After: the stream has errored
      // already (the download ends short), and there is no one else to tell.
      if (!opened) rejectOpen(error);
    });
  });
}
