import type { TDb } from "@/lib/db/prisma";

/** The admins' review queue, oldest request first: first come, first reviewed. */
export async function listReviewQueue(db: TDb) {
  return db.letter.findMany({
    where: { status: "IN_REVIEW" },
    orderBy: { reviewRequestedAt: "asc" },
    select: {
      id: true,
      title: true,
      addressee: true,
      reviewRequestedAt: true,
      organisers: { where: { role: "OWNER" }, select: { user: { select: { email: true } } } },
    },
    take: 200,
  });
}
