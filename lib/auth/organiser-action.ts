import type { z } from "zod";
import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import type { TActor } from "./actor";
import { authoriseLetter, type TLetterAccess } from "./authorise-letter";
import type { TLetterRole } from "./roles";

/** Platform settings some actions depend on, read once by the caller. */
/** `minPublicGroup`: the small-group rule's size (MIN_PUBLIC_GROUP) for what organisers deliver. */
export type TOrganiserSettings = { requireApproval: boolean; appUrl: string; minPublicGroup: number };

/**
 * What checking signers' verification codes needs (lib/moderation/*-organiser-code*.ts): the
 * key of the codes' hash and the guess limit. Optional so that callers with no code to check
 * need not build it; the code actions refuse to run without it.
 */
export type TOrganiserCodeChecks = {
  codeKey: string;
  consumeGuess(userId: string, letterId: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
};

export type TOrganiserDeps = { db: TDb; now: Date; settings: TOrganiserSettings; organiserCodes?: TOrganiserCodeChecks };

export type TAccountActionContext = TOrganiserDeps & { actor: TActor };
export type TLetterActionContext = TAccountActionContext & TLetterAccess;

/**
 * Something an organiser does to one letter. `requires` is the least role that may do it;
 * `perform` checks it, and the input, before `run` sees either. Actions are declared with
 * defineLetterAction and listed in lib/auth/all-organiser-actions.ts, which a test walks to prove
 * that every one of them refuses outsiders.
 */
export type TLetterAction<TInput, TResult> = {
  kind: "letter";
  name: string;
  requires: TLetterRole;
  input: z.ZodType<TInput, unknown>;
  run: (context: TLetterActionContext, input: TInput) => Promise<TResult>;
};

/** Something a signed-in user does that concerns no existing letter yet (starting one). */
export type TAccountAction<TInput, TResult> = {
  kind: "account";
  name: string;
  input: z.ZodType<TInput, unknown>;
  run: (context: TAccountActionContext, input: TInput) => Promise<TResult>;
};

export function defineLetterAction<TInput, TResult>(action: Omit<TLetterAction<TInput, TResult>, "kind">): TLetterAction<TInput, TResult> {
  return { kind: "letter", ...action };
}

export function defineAccountAction<TInput, TResult>(action: Omit<TAccountAction<TInput, TResult>, "kind">): TAccountAction<TInput, TResult> {
  return { kind: "account", ...action };
}

function parseInput<TInput>(schema: z.ZodType<TInput, unknown>, rawInput: unknown): TInput {
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { fields: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

/** The only way to run a letter action: authorisation first, then validation, then the action. */
export async function performLetterAction<TInput, TResult>(
  deps: TOrganiserDeps,
  actor: TActor | null,
  action: TLetterAction<TInput, TResult>,
  letterId: string,
  rawInput: unknown,
): Promise<TResult> {
  const access = await authoriseLetter(deps.db, actor, letterId, action.requires);
  const input = parseInput(action.input, rawInput);
  // authoriseLetter has refused a missing actor already.
  return action.run({ ...deps, actor: actor as TActor, ...access }, input);
}

/** The only way to run an account action: signed in first, then validation. */
export async function performAccountAction<TInput, TResult>(
  deps: TOrganiserDeps,
  actor: TActor | null,
  action: TAccountAction<TInput, TResult>,
  rawInput: unknown,
): Promise<TResult> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const input = parseInput(action.input, rawInput);
  return action.run({ ...deps, actor }, input);
}
