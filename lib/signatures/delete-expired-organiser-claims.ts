import type { TDb } from "@/lib/db/prisma";

/** Claims deleted per statement: a bounded statement, however many codes lapsed at once. */
export const EXPIRED_CLAIMS_BATCH = 1_000;

/**
 * Deletes organiser-verification claims whose code lapsed unverified (14 days, see
 * organiser-code.ts): the name and claimed domain of someone nobody vouched for should not stay.
 * A pending claim never counted, so no count changes. Batched, oldest first, each batch one short
 * statement; returns how many went, so the housekeeping job knows to come back for more.
 */
export async function deleteExpiredOrganiserClaims(db: TDb, now: Date, batch = EXPIRED_CLAIMS_BATCH): Promise<number> {
  // SKIP LOCKED: a claim an organiser is verifying right now is left to the next run, not waited on.
  return db.$executeRaw`
    DELETE FROM "Signature" WHERE id IN (
      SELECT s.id FROM "Signature" s
      JOIN "SignatureToken" t ON t."signatureId" = s.id AND t.purpose = 'ORGANISER_CODE'
      WHERE s."verificationMethod" = 'ORGANISER' AND s.state = 'PENDING' AND t."usedAt" IS NULL AND t."expiresAt" <= ${now}
      ORDER BY t."expiresAt"
      LIMIT ${batch}
      FOR UPDATE OF s SKIP LOCKED)`;
}
