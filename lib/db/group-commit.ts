import { toAppError } from "@/lib/errors/to-app-error";

/**
 * Group commit: concurrent callers' rows written by one statement, each caller answered only
 * once that statement (and so its own row) has committed.
 *
 * Under a signing spike, thousands of submissions a second each wrote one row in its own
 * statement and commit. PostgreSQL pays per statement and per commit (a round trip, a plan, a
 * WAL flush), and every submission also took the same per-letter rate-limit row in turn. One
 * multi-row statement per batch pays those once for the batch.
 *
 * Batches form by themselves, without a timer that would make a quiet server wait: an item that
 * arrives while a slot is free is sent at the end of the current turn of the event loop (with
 * whatever arrived in the same turn); items that arrive while every slot is busy wait for the
 * next free one and go together. So an idle server answers one request as fast as before, and a
 * busy one sends bigger batches, never more than `maxConcurrent` statements at once.
 *
 * Reads that every request of a spike makes (a confirm link's token) share batches the same
 * way: one statement for many callers, nothing to commit.
 *
 * `write` answers each item of its batch on its own ({ ok: false, error } for one row's
 * failure); when it throws, every item of that batch gets the error. A writer wrapped in
 * writeEachAloneOnFailure (below) first retries row by row, so that one bad row fails only its
 * own caller.
 */
export type TGroupOutcome<TResult> = { ok: true; value: TResult } | { ok: false; error: unknown };

export type TGroupCommit<TItem, TResult> = (item: TItem) => Promise<TResult>;

export function groupCommit<TItem, TResult>(options: {
  write: (items: TItem[]) => Promise<TGroupOutcome<TResult>[]>;
  /** The most rows in one statement (bounds its size and the time a batch holds its locks). */
  maxBatch: number;
  /** The most statements in flight at once (a share of the connection pool). */
  maxConcurrent: number;
}): TGroupCommit<TItem, TResult> {
  type TWaiting = { item: TItem; resolve: (value: TResult) => void; reject: (error: unknown) => void };
  let queue: TWaiting[] = [];
  let inFlight = 0;
  let flushScheduled = false;

  const send = async (batch: TWaiting[]) => {
    let outcomes: TGroupOutcome<TResult>[];
    try {
      outcomes = await options.write(batch.map((waiting) => waiting.item));
      if (outcomes.length !== batch.length) throw new Error(`group commit: ${outcomes.length} outcomes for ${batch.length} items`);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  };

  const flush = () => {
    flushScheduled = false;
    while (queue.length > 0 && inFlight < options.maxConcurrent) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      inFlight += 1;
      void send(batch).finally(() => {
        inFlight -= 1;
        schedule();
      });
    }
  };

  // setImmediate runs after the I/O callbacks of this turn: requests read in the same turn join.
  const schedule = () => {
    if (flushScheduled || queue.length === 0 || inFlight >= options.maxConcurrent) return;
    flushScheduled = true;
    setImmediate(flush);
  };

  return (item) =>
    new Promise<TResult>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

/**
 * A batch writer that, when its statement fails for a reason that is not the database being
 * away (a row the statement cannot take), writes each row alone: the one bad row fails only its
 * own caller, and every other is answered as if it had come alone. An outage fails the batch:
 * row by row would only fail again, slower.
 */
export function writeEachAloneOnFailure<TItem, TResult>(
  write: (items: TItem[]) => Promise<TGroupOutcome<TResult>[]>,
): (items: TItem[]) => Promise<TGroupOutcome<TResult>[]> {
  return async (items) => {
    try {
      return await write(items);
    } catch (error) {
      if (items.length === 1 || toAppError(error)) throw error;
      return Promise.all(
        items.map((item) =>
          write([item]).then(
            ([outcome]) => outcome!,
            (itemError: unknown) => ({ ok: false as const, error: itemError }),
          ),
        ),
      );
    }
  };
}

/**
 * One group commit per database client (a process has one; tests make several), so a batch
 * never mixes two databases' rows.
 */
export function groupCommitPer<TClient extends object, TItem, TResult>(
  create: (client: TClient) => TGroupCommit<TItem, TResult>,
): (client: TClient) => TGroupCommit<TItem, TResult> {
  const byClient = new WeakMap<TClient, TGroupCommit<TItem, TResult>>();
  return (client) => {
    let commit = byClient.get(client);
    if (!commit) byClient.set(client, (commit = create(client)));
    return commit;
  };
}
