import type { Db } from "@/lib/db/prisma";
import { listDeliverySigners, type TDeliverySigners } from "./list-delivery-signers";

export type TDeliverySheet = {
  letter: { title: string; addressee: string; bodyMarkdown: string; publishedAt: Date | null };
  demands: { id: string; text: string; status: "OPEN" | "PARTLY_MET" | "MET" | "REFUSED" }[];
  signers: TDeliverySigners;
};

/** Everything the printed letter carries: its text and demands, and who signed it. */
export async function getDeliverySheet(db: Db, letterId: string): Promise<TDeliverySheet | null> {
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
  return { letter: rest, demands, signers: await listDeliverySigners(db, letterId) };
}
