/**
 * What an organiser form shows after its server action: nothing yet, a confirmation, or an error
 * with messages keyed by field path (see fieldErrorsOf).
 */
export type TActionState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "error"; message: string; fields: Record<string, string[]> };

export const IDLE: TActionState = { status: "idle" };
