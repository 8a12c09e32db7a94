import "server-only";
import { performAccountAction, performLetterAction, type TAccountAction, type TLetterAction, type TOrganiserDeps } from "@/lib/auth/organiser-action";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { TActionState } from "@/lib/errors/action-state";
import { LetterChangedError } from "@/lib/letters/letter-version";
import { kickOutbox } from "@/lib/wiring/background-jobs";
import { getSigningLimits } from "@/lib/wiring/signing-limits";
import { getActor } from "./organiser-page";
import { formFailure } from "./public-action";

/*
 * The adapter every organiser server action goes through (runLetterAction and its two
 * siblings below): the session's actor, the one authorisation path (lib/auth/organiser-action.ts,
 * which says who may do what), the action, and the outcome as form state.
 */

export function organiserDeps(): TOrganiserDeps {
  const env = getEnv();
  const codeKey = env.EMAIL_HMAC_KEY;
  return {
    db: getDb(),
    now: new Date(),
    settings: { requireApproval: env.REQUIRE_APPROVAL, appUrl: env.APP_URL, minPublicGroup: env.MIN_PUBLIC_GROUP },
    // Codes are hashed with the address key (see organiser-code.ts); without it the code actions refuse.
    organiserCodes: codeKey ? { codeKey, consumeGuess: (userId, letterId) => getSigningLimits().consumeOrganiserCodeGuess(userId, letterId) } : undefined,
  };
}

function toActionState(error: unknown, context: string): TActionState {
  const conflict = error instanceof LetterChangedError ? { version: error.currentVersion, changes: error.changes } : undefined;
  return { ...formFailure(error, context), ...(conflict ? { conflict } : {}) };
}

/** The letter's version after an action that reports one (edits checked against a version do). */
function versionOf(result: unknown): number | undefined {
  const version = result && typeof result === "object" ? (result as { version?: unknown }).version : undefined;
  return typeof version === "number" ? version : undefined;
}

/**
 * The adapter every organiser server action goes through: the session's actor, the one
 * authorisation path (performLetterAction), and the outcome as form state. Actions that send
 * email get it delivered now rather than at the next tick.
 */
export async function runLetterAction<TInput, TResult>(
  action: TLetterAction<TInput, TResult>,
  letterId: string,
  input: unknown,
  done: (result: TResult) => string,
): Promise<TActionState> {
  try {
    const result = await performLetterAction(organiserDeps(), await getActor(), action, letterId, input);
    kickOutbox();
    const version = versionOf(result);
    return { status: "done", message: done(result), ...(version === undefined ? {} : { version }) };
  } catch (error) {
    return toActionState(error, `Organiser action ${action.name}`);
  }
}

/** As runLetterAction, for a letter action whose result the page shows (a code's claim, say). */
export async function runLetterActionForResult<TInput, TResult>(
  action: TLetterAction<TInput, TResult>,
  letterId: string,
  input: unknown,
): Promise<{ ok: true; result: TResult } | { ok: false; state: TActionState }> {
  try {
    return { ok: true, result: await performLetterAction(organiserDeps(), await getActor(), action, letterId, input) };
  } catch (error) {
    return { ok: false, state: toActionState(error, `Organiser action ${action.name}`) };
  }
}

/** As runLetterAction, for actions that concern no letter yet; returns the result itself. */
export async function runAccountAction<TInput, TResult>(
  action: TAccountAction<TInput, TResult>,
  input: unknown,
): Promise<{ ok: true; result: TResult } | { ok: false; state: TActionState }> {
  try {
    return { ok: true, result: await performAccountAction(organiserDeps(), await getActor(), action, input) };
  } catch (error) {
    return { ok: false, state: toActionState(error, `Account action ${action.name}`) };
  }
}
