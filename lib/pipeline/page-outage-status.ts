import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { toAppError } from "@/lib/errors/to-app-error";

/**
 * Pages cannot choose their status in the App Router: a page whose render fails because the
 * database is down is answered 500 by Next, with the error page. That reads as a bug to clients,
 * monitors and load balancers, and it tells nobody when to retry. So each request of the
 * production server runs with a note (an AsyncLocalStorage shared through globalThis, because
 * Next's bundle has its own copy of this module); Next's `onRequestError` hook
 * (instrumentation.ts) writes on it when the failure stands for SERVICE_UNAVAILABLE, and the
 * server turns that request's 500 into a 503 with Retry-After before the head is sent.
 *
 * Next renders a page once for all the requests waiting on it and reports the failure in the
 * context of one of them, so a 500 within a few seconds of an outage noted on any request of
 * the process is taken for the outage too.
 */
type TRequestNote = { retryAfterSeconds?: number };
type TOutageState = { notes: AsyncLocalStorage<TRequestNote>; lastOutage?: { at: number; retryAfterSeconds: number } };

const RECENT_MS = 5_000;
const STATE_KEY = Symbol.for("undersigned.pageOutageStatus");
const globalForOutages = globalThis as typeof globalThis & { [STATE_KEY]?: TOutageState };
const state = (globalForOutages[STATE_KEY] ??= { notes: new AsyncLocalStorage<TRequestNote>() });

/** For Next's onRequestError: notes an outage on the request being handled, and for the process. */
export function noteRequestError(error: unknown, now = Date.now()): void {
  const known = toAppError(error);
  if (known?.code !== "SERVICE_UNAVAILABLE") return;
  const retryAfterSeconds = known.retryAfterSeconds ?? 5;
  state.lastOutage = { at: now, retryAfterSeconds };
  const note = state.notes.getStore();
  if (note) note.retryAfterSeconds = retryAfterSeconds;
}

function outageRetryAfter(note: TRequestNote, now: number): number | undefined {
  if (note.retryAfterSeconds !== undefined) return note.retryAfterSeconds;
  const recent = state.lastOutage;
  return recent && now - recent.at < RECENT_MS ? recent.retryAfterSeconds : undefined;
}

/** For the production server: runs `handle` with a note, answering 503 instead of a 500 that an outage caused. */
export function handleWithOutageStatus(response: ServerResponse, handle: () => void): void {
  const note: TRequestNote = {};
  const writeHead = response.writeHead;
  // Node sends an implicit head through writeHead too, so this sees every response's status.
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const retryAfterSeconds = args[0] === 500 ? outageRetryAfter(note, Date.now()) : undefined;
    if (retryAfterSeconds !== undefined) {
      args[0] = 503;
      // A second argument may be a status message, or the headers; either way ours must win.
      if (typeof args[1] === "string") args.splice(1, 1);
      this.setHeader("Retry-After", String(retryAfterSeconds));
      this.setHeader("Cache-Control", "no-store");
      if (args[1] && typeof args[1] === "object" && !Array.isArray(args[1])) {
        const headers = { ...(args[1] as Record<string, unknown>) };
        for (const name of Object.keys(headers)) if (/^(cache-control|retry-after)$/i.test(name)) delete headers[name];
        args[1] = headers as never;
      }
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  state.notes.run(note, handle);
}
