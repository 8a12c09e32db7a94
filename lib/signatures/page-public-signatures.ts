import type { Db, Prisma } from "@/lib/db/prisma";
import { toPage, type TCursor } from "@/lib/pagination/cursor";
import { listPublicSignatures, type TPublicSignature } from "./list-public-signatures";

/** Public signatures a page at a time, newest first: the letter page's "show more" and the API. */
export async function pagePublicSignatures(
  db: Db | Prisma.TransactionClient,
  letterId: string,
  options: { limit: number; cursor: TCursor | null },
): Promise<{ items: TPublicSignature[]; nextCursor: string | null }> {
  const rows = await listPublicSignatures(db, letterId, { limit: options.limit + 1, after: options.cursor });
  return toPage(rows, options.limit, (signature) => ({ at: signature.confirmedAt, id: signature.id }));
}
