/**
 * What an organiser form shows after its server action: nothing yet, a confirmation, or an error
 * with messages keyed by field path (see fieldErrorsOf).
 *
 * `version` is the letter's version after a save; `conflict` says that the edit was made on an
 * older version than the letter's (lib/letters/letter-version.ts): the version to build on now,
 * and what changed since.
 */
export type TActionState =
  | { status: "idle" }
  | { status: "done"; message: string; version?: number }
  | { status: "error"; message: string; fields: Record<string, string[]>; conflict?: TVersionConflict };

export type TVersionConflict = { version: number; changes: string[] };

export const IDLE: TActionState = { status: "idle" };
