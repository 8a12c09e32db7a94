import "server-only";
import { notFound, redirect } from "next/navigation";
import { actorFor, parseAdminEmails, type TActor } from "@/lib/auth/actor";
import { findLetterAccess, type TLetterAccess } from "@/lib/auth/authorise-letter";
import { performAccountAction, performLetterAction, type TAccountAction, type TLetterAction, type TOrganiserDeps } from "@/lib/auth/organiser-action";
import { hasRole, type TLetterRole } from "@/lib/auth/roles";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { TActionState } from "@/lib/errors/action-state";
import { explainError } from "@/lib/errors/to-app-error";
import { LetterChangedError } from "@/lib/letters/letter-version";
import { auth } from "./auth";
import { kickOutbox } from "./background-jobs";
import { getSigningLimits } from "./signing-limits";

/** The signed-in user, or null. Admin status comes from ADMIN_EMAILS now, not at sign-in. */
export async function getActor(): Promise<TActor | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return actorFor({ id: user.id, email: user.email }, parseAdminEmails(getEnv().ADMIN_EMAILS));
}

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

/** For organiser pages: the actor, or a trip to the sign-in page that comes back here. */
export async function requireSignedInPage(returnPath: string): Promise<TActor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: returnPath })}`);
  return actor;
}

/** For a letter's organiser pages: anyone without the role gets the same 404 as for no letter. */
export async function requireOrganiserPage(letterId: string, required: TLetterRole, returnPath: string): Promise<TLetterAccess & { actor: TActor }> {
  const actor = await requireSignedInPage(returnPath);
  const access = await findLetterAccess(getDb(), actor, letterId);
  if (!access || !hasRole(access.role, required)) notFound();
  return { ...access, actor };
}

export async function requireAdminPage(returnPath: string): Promise<TActor> {
  const actor = await requireSignedInPage(returnPath);
  if (!actor.isAdmin) notFound();
  return actor;
}

function toActionState(error: unknown, context: string): TActionState {
  const known = explainError(error, context);
  const conflict = known instanceof LetterChangedError ? { version: known.currentVersion, changes: known.changes } : undefined;
  return { status: "error", message: known.message, fields: known.fields ?? {}, ...(conflict ? { conflict } : {}) };
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
