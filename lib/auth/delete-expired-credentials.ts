import type { TDb } from "@/lib/db/prisma";

/**
 * Deletes sign-in tokens and sessions past their expiry. Auth.js deletes a token when it is used
 * and a session when it is found expired, but a link never clicked (or a browser never back)
 * would otherwise keep an organiser's address in the token table for ever.
 */
export async function deleteExpiredCredentials(db: TDb, now: Date): Promise<{ tokens: number; sessions: number }> {
  const [tokens, sessions] = await Promise.all([
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    db.session.deleteMany({ where: { expires: { lt: now } } }),
  ]);
  return { tokens: tokens.count, sessions: sessions.count };
}
