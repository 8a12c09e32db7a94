import type { TDb, Prisma } from "@/lib/db/prisma";
import { afterCursor, type TCursor } from "@/lib/pagination/cursor";

export type TPublicSignature = {
  id: string;
  /** null: shown as "Anonymous · verified @domain". */
  name: string | null;
  jobTitle: string | null;
  team: string | null;
  /** null: an anonymous signer of a domain too small to name (see pagePublicSignatures): "Anonymous · verified". */
  domain: string | null;
  comment: string | null;
  confirmedAt: Date;
  /** Who vouched for it: a link sent to the work address, or the letter's organisers. */
  verification: TVerification;
};

export type TVerification = "email" | "organiser";

export function verificationOf(method: "EMAIL" | "ORGANISER"): TVerification {
  return method === "ORGANISER" ? "organiser" : "email";
}

/**
 * Confirmed signatures as the public sees them, newest first. A signer who chose anonymity, or
 * whose name a moderator hid, or any signer while the letter holds names until its delivery,
 * appears only as a verified domain; withdrawn and invalidated
 * signatures do not appear at all. Public surfaces list them through pagePublicSignatures, which
 * also keeps a small domain from singling out an anonymous signer.
 */
export async function listPublicSignatures(
  db: TDb | Prisma.TransactionClient,
  letterId: string,
  options: { limit?: number; after?: TCursor | null; namesHeld?: boolean } = {},
): Promise<TPublicSignature[]> {
  const rows = await db.signature.findMany({
    where: { letterId, state: "CONFIRMED", ...afterCursor("confirmedAt", options.after ?? null) },
    orderBy: [{ confirmedAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 20,
    select: {
      id: true,
      displayName: true,
      jobTitle: true,
      team: true,
      domain: true,
      comment: true,
      showName: true,
      nameHidden: true,
      commentHidden: true,
      confirmedAt: true,
      verificationMethod: true,
    },
  });
  return rows.map((row) => {
    // Names held until delivery (lib/privacy/held-names.ts) show every signer as anonymous for now.
    const named = row.showName && !row.nameHidden && !options.namesHeld;
    return {
      id: row.id,
      name: named ? row.displayName : null,
      jobTitle: named ? row.jobTitle : null,
      team: named ? row.team : null,
      domain: row.domain,
      comment: row.commentHidden ? null : row.comment,
      confirmedAt: row.confirmedAt ?? new Date(0),
      verification: verificationOf(row.verificationMethod),
    };
  });
}
