import "server-only";
import { notFound, redirect } from "next/navigation";
import { actorFor, parseAdminEmails, type TActor } from "@/lib/auth/actor";
import { findLetterAccess, type TLetterAccess } from "@/lib/auth/authorise-letter";
import { hasRole, type TLetterRole } from "@/lib/auth/roles";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { auth } from "@/lib/wiring/auth";

/*
 * The adapter every organiser page goes through: who is signed in, and whether they may see the
 * page. Pages only read; what organisers change goes through organiser-action.ts.
 */

/** The signed-in user, or null. Admin status comes from ADMIN_EMAILS now, not at sign-in. */
export async function getActor(): Promise<TActor | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return actorFor({ id: user.id, email: user.email }, parseAdminEmails(getEnv().ADMIN_EMAILS));
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
