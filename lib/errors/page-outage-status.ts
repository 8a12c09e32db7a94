import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { toAppError } from "./to-app-error";

/**
 * Pages cannot choose their status in the App Router: a page whose render fails because the
 * database is down is answered 500 by Next, with the error page. That reads as a bug to clients,
 * monitors and load balancers, and it tells nobody when to retry. So each request of the
 * production server runs with a note (an AsyncLocalStorage shared through globalThis, because
 * Next's bundle has its own copy of this module); Next's `onRequestError` hook
 * (instrumentation.ts) writes on it when the failure stands for SERVICE_UNAVAILABLE, and the
 * server turns that request's 500 into a 503 with Retry-After before the head is sent.
 */
type TRequestNote = { retryAfterSeconds?: number };

const STORAGE_KEY = Symbol.for("undersigned.requestNotes");
const globalForNotes = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<TRequestNote> };
const notes = (globalForNotes[STORAGE_KEY] ??= new AsyncLocalStorage<TRequestNote>());

/** For Next's onRequestError: notes an outage on the request being handled, if any. */
export function noteRequestError(error: unknown): void {
  const known = toAppError(error);
  const note = notes.getStore();
  if (note && known?.code === "SERVICE_UNAVAILABLE") note.retryAfterSeconds = known.retryAfterSeconds ?? 5;
}

/** For the production server: runs `handle` with a note, answering 503 instead of a 500 that an outage caused. */
export function handleWithOutageStatus(response: ServerResponse, handle: () => void): void {
  const note: TRequestNote = {};
  const writeHead = response.writeHead;
  // Node sends an implicit head through writeHead too, so this sees every response's status.
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (args[0] === 500 && note.retryAfterSeconds !== undefined) {
      args[0] = 503;
      // A second argument may be a status message, or the headers; either way ours must win.
      if (typeof args[1] === "string") args.splice(1, 1);
      this.setHeader("Retry-After", String(note.retryAfterSeconds));
      this.setHeader("Cache-Control", "no-store");
      if (args[1] && typeof args[1] === "object" && !Array.isArray(args[1])) {
        const headers = { ...(args[1] as Record<string, unknown>) };
        for (const name of Object.keys(headers)) if (/^(cache-control|retry-after)$/i.test(name)) delete headers[name];
        args[1] = headers as never;
      }
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  notes.run(note, handle);
}
