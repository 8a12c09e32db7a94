import type { TDb, Prisma } from "@/lib/db/prisma";

/**
 * How many of a letter's counted signatures its organisers verified. Counted on read rather than
 * folded like the total: each of these was checked by a person, so there are few, and the
 * (letterId, verificationMethod, state) index answers from a short range of its own.
 */
export async function countOrganiserVerified(db: TDb | Prisma.TransactionClient, letterId: string): Promise<number> {
  return db.signature.count({ where: { letterId, verificationMethod: "ORGANISER", state: "CONFIRMED" } });
}
