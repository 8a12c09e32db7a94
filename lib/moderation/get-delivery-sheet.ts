import type { TDb } from "@/lib/db/prisma";
import { listDeliverySigners, type TDeliverySigners } from "./list-delivery-signers";

export type TDeliverySheet = {
  letter: { title: string; addressee: string; bodyMarkdown: string; publishedAt: Date | null };
  demands: { id: string; text: string; status: "OPEN" | "PARTLY_MET" | "MET" | "REFUSED" }[];
  signers: TDeliverySigners;
};

/**
 * Named signers printed inline on the delivery page. The print stylesheet sets them in two
 * columns at 10 pt, about 100 to an A4 page, so 1,000 is some ten pages after the letter: still
 * a document a person hands over and leafs through, and about 150 KB of HTML that renders in a
 * blink. Past that nobody reads names on paper (and a million-signature letter's names would be
 * hundreds of megabytes of HTML: `npm run bench:scale` measures the delivery page); the totals and per-domain counts carry the weight, and the full list goes
 * along as the CSV, which the page links.
 */
export const DELIVERY_INLINE_NAMES = 1_000;

/** Everything the printed letter carries: its text and demands, and who signed it. */
export async function getDeliverySheet(db: TDb, letterId: string, options: { minPublicGroup: number }): Promise<TDeliverySheet | null> {
  const letter = await db.letter.findUnique({
    where: { id: letterId },
    select: {
      title: true,
      addressee: true,
      bodyMarkdown: true,
      publishedAt: true,
      demands: { orderBy: { position: "asc" }, select: { id: true, text: true, status: true } },
    },
  });
  if (!letter) return null;
  const { demands, ...rest } = letter;
  return {
    letter: rest,
    demands,
    signers: await listDeliverySigners(db, letterId, { namedLimit: DELIVERY_INLINE_NAMES, minPublicGroup: options.minPublicGroup }),
  };
}
