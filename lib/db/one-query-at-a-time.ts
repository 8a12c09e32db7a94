import pg from "pg";

/**
 * A `pg` connection that is handed its queries one at a time. Inside an interactive transaction
 * Prisma's adapter (7.10) sends the queries of a read with several relations all at once on its
 * one connection; `pg` has always queued them and run them in turn, and since 8.19 it also warns
 * that it will stop queuing in pg 9 ("Calling client.query() when the client is already executing
 * a query is deprecated"): `npm start` printed that after the first page view. The adapter's own
 * fix is pending upstream (prisma/orm#29979). Until then this class queues them itself, in the
 * order they came, so each reaches `pg` only once the one before has finished: the same order
 * and the same round trips as `pg`'s queue, without leaning on what pg 9 removes.
 *
 * Only the promise form is queued here (the only one Prisma uses); a callback or a submittable
 * (a cursor, a stream) goes straight to `pg` as before.
 */
class QueuingClient extends pg.Client {
  #previous: Promise<unknown> = Promise.resolve();

  // @ts-expect-error -- one body for pg's many overloads; each call is passed on as it came.
  override query(...args: unknown[]): unknown {
    const [config, values, callback] = args;
    const passThrough = typeof values === "function" || typeof callback === "function" || (typeof config === "object" && config !== null && "submit" in config);
    if (passThrough) return (super.query as (...a: unknown[]) => unknown)(...args);
    const run = () => (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    const result = this.#previous.then(run, run);
    this.#previous = result.catch(() => undefined);
    return result;
  }
}

/** Typed as the `pg.Client` it stands in for: its `query` takes and returns what pg's does. */
export const OneQueryAtATimeClient = QueuingClient as unknown as typeof pg.Client;
