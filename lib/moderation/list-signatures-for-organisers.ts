import { z } from "zod";
import type { SignatureState } from "@/lib/db/generated/enums";
import type { TDb, Prisma } from "@/lib/db/prisma";
import { sourceLabel } from "./source-label";

export type TOrganiserSignature = {
  id: string;
  /** null for a signer who chose anonymity: not even their organisers see their name. */
  name: string | null;
  /** The signer chose to be named, and a moderator hid the name from the public. */
  nameHidden: boolean;
  jobTitle: string | null;
  team: string | null;
  domain: string;
  comment: string | null;
  commentHidden: boolean;
  state: SignatureState;
  invalidationReason: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
  /** A short per-letter label of the submitting client (see source-label.ts), or null. */
  source: string | null;
};

export const ZSignatureSearch = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
  after: z.uuid().optional().catch(undefined),
});

export type TSignaturePage = { signatures: TOrganiserSignature[]; nextCursor: string | null };

/**
 * A letter's signatures for its organisers, newest first, a page at a time (keyset: `after` is
 * the last id of the previous page, so paging stays fast and stable while people sign).
 *
 * Anonymous signers stay anonymous here too: an organiser colleague may be their manager. Their
 * name, job title and team are never returned, and a name search only ever looks at signers who
 * chose to be named and whose name no moderator hid, so no search can confirm a guess about
 * who signed anonymously.
 */
export async function listSignaturesForOrganisers(
  db: TDb,
  letterId: string,
  options: { q?: string; after?: string; limit?: number } = {},
): Promise<TSignaturePage> {
  const limit = options.limit ?? 50;
  const where: Prisma.SignatureWhereInput = options.q
    ? { letterId, showName: true, nameHidden: false, displayName: { contains: options.q, mode: "insensitive" } }
    : { letterId };
  const rows = await db.signature.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(options.after ? { cursor: { id: options.after }, skip: 1 } : {}),
    select: {
      id: true,
      displayName: true,
      showName: true,
      nameHidden: true,
      jobTitle: true,
      team: true,
      domain: true,
      comment: true,
      commentHidden: true,
      state: true,
      invalidationReason: true,
      createdAt: true,
      confirmedAt: true,
      sourceKey: true,
    },
  });
  const page = rows.slice(0, limit).map(({ displayName, showName, sourceKey, jobTitle, team, ...row }) => ({
    ...row,
    name: showName ? displayName : null,
    jobTitle: showName ? jobTitle : null,
    team: showName ? team : null,
    // Not beside an anonymous signer: a named signer with the same label (one home connection,
    // one day) would name them to the organisers. Bulk invalidation by source still reaches them.
    source: sourceKey && showName ? sourceLabel(letterId, sourceKey) : null,
  }));
  return { signatures: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
