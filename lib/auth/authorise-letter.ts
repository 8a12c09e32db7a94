import { z } from "zod";
import type { TDb } from "@/lib/db/prisma";
import type { LetterStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { TActor } from "./actor";
import { hasRole, roleRequirementMessage, type TLetterRole } from "./roles";

export type TLetterAccess = {
  letter: { id: string; slug: string; title: string; status: LetterStatus };
  role: TLetterRole;
};

const ZLetterId = z.uuid();

/**
 * Someone who is not an organiser of a letter learns nothing about it, not even that it exists:
 * drafts can name their target before anyone is ready to go public.
 */
export const organiserLetterNotFound = () => new AppError("LETTER_NOT_FOUND", { message: "There is no letter here, or you are not one of its organisers." });

/** The actor's role on a letter, or null when they have none (or the id names no letter). */
export async function findLetterAccess(db: TDb, actor: TActor, letterId: string): Promise<TLetterAccess | null> {
  if (!ZLetterId.safeParse(letterId).success) return null;
  const letter = await db.letter.findUnique({
    where: { id: letterId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      organisers: { where: { userId: actor.userId }, select: { role: true } },
    },
  });
  if (!letter) return null;
  const { organisers, ...summary } = letter;
  const role: TLetterRole | undefined = actor.isAdmin ? "ADMIN" : organisers[0]?.role;
  return role ? { letter: summary, role } : null;
}

/**
 * The one authorisation check for anything done to a letter: signed out is 401, no role on the
 * letter is 404, too low a role is 403.
 */
export async function authoriseLetter(db: TDb, actor: TActor | null, letterId: string, required: TLetterRole): Promise<TLetterAccess> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const access = await findLetterAccess(db, actor, letterId);
  if (!access) throw organiserLetterNotFound();
  if (!hasRole(access.role, required)) throw new AppError("FORBIDDEN", { message: roleRequirementMessage(required) });
  return access;
}
