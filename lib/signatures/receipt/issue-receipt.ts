import type { Prisma } from "@/lib/db/prisma";
import { generateToken, hashToken } from "@/lib/security/tokens";

/**
 * Gives a signature its private receipt and returns the token, which only the caller's answer to
 * the signer ever carries: it is stored as a hash, and never emailed, because whoever reads the
 * work mailbox (the employer) must not be able to change how the signature appears. One receipt
 * per signature: issuing again replaces the old one.
 */
export async function issueReceipt(tx: Prisma.TransactionClient, signatureId: string): Promise<string> {
  const { token, receiptHash } = newReceipt();
  await tx.signature.update({ where: { id: signatureId }, data: { receiptHash } });
  return token;
}

/** A receipt token and the hash to store, for a caller that writes the signature row itself. */
export function newReceipt(): { token: string; receiptHash: string } {
  const token = generateToken();
  return { token, receiptHash: hashToken(token) };
}

/** The receipt page's address for a token. */
export const receiptPath = (token: string) => `/receipt/${token}`;
