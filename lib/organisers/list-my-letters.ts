import type { TActor } from "@/lib/auth/actor";
import type { LetterStatus, OrganiserRole } from "@/lib/db/generated/enums";
import type { TDb } from "@/lib/db/prisma";

export type TMyLetter = {
  id: string;
  title: string;
  slug: string;
  status: LetterStatus;
  role: OrganiserRole;
  total: number;
  goal: number | null;
  updatedAt: Date;
  reviewNote: string | null;
  /** false while the letter is unlisted (quiet launch). */
  listed: boolean;
};

/** The letters an organiser works on, most recently changed first. */
export async function listMyLetters(db: TDb, actor: TActor): Promise<TMyLetter[]> {
  const rows = await db.letterOrganiser.findMany({
    where: { userId: actor.userId },
    select: {
      role: true,
      letter: {
        select: {
          id: true,
          title: true,
          slug: true,
          status: true,
          goal: true,
          updatedAt: true,
          reviewNote: true,
          listed: true,
          count: { select: { total: true } },
        },
      },
    },
    orderBy: { letter: { updatedAt: "desc" } },
    take: 200,
  });
  return rows.map(({ role, letter: { count, ...letter } }) => ({ ...letter, role, total: count?.total ?? 0 }));
}
