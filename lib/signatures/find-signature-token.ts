import type { LetterStatus, SignatureState, TokenPurpose } from "@/lib/db/generated/enums";
import { groupCommit, groupCommitPer, type TGroupOutcome } from "@/lib/db/group-commit";
import type { TDb } from "@/lib/db/prisma";
import { hashToken, isTokenShaped } from "@/lib/security/tokens";

/** The token behind a link with what its pages and actions need. */
export type TFoundSignatureToken = {
  id: string;
  purpose: TokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  /** CONFIRM links only: what the submission that asked for the link would publish (readStoredProposal). */
  proposal: unknown;
  signature: {
    id: string;
    state: SignatureState;
    domain: string;
    displayName: string | null;
    jobTitle: string | null;
    team: string | null;
    showName: boolean;
    letter: { id: string; slug: string; title: string; status: LetterStatus; closesAt: Date | null };
  };
};

/**
 * The token behind a link, or null for anything we never issued for `purpose` (a withdraw link
 * cannot confirm, nor the reverse).
 */
export async function findSignatureToken(db: TDb, rawToken: string, purpose: TokenPurpose): Promise<TFoundSignatureToken | null> {
  if (!isTokenShaped(rawToken)) return null;
  const token = await lookupFor(db)(hashToken(rawToken));
  return token?.purpose === purpose ? token : null;
}

type TRow = Omit<TFoundSignatureToken, "signature"> &
  Omit<TFoundSignatureToken["signature"], "id" | "letter"> & { tokenHash: string; signatureId: string } & {
    letterId: string;
    slug: string;
    title: string;
    status: LetterStatus;
    closesAt: Date | null;
  };

// Every confirmation starts here, so a confirmation spike is as many of these lookups a second.
// Prisma's nested select was three round trips (token, signature, letter); this is one join, and
// the lookups of the same moment share it (lib/db/group-commit.ts; a read, so nothing to commit).
const lookupFor = groupCommitPer((db: TDb) =>
  groupCommit<string, TFoundSignatureToken | null>({ write: (hashes) => lookUp(db, hashes), maxBatch: 200, maxConcurrent: 4 }),
);

async function lookUp(db: TDb, hashes: string[]): Promise<TGroupOutcome<TFoundSignatureToken | null>[]> {
  const rows = await db.$queryRaw<TRow[]>`
    SELECT t."tokenHash", t.id, t.purpose::text AS purpose, t."expiresAt", t."usedAt", t.proposal,
           s.id AS "signatureId", s.state::text AS state, s.domain, s."displayName", s."jobTitle", s.team, s."showName",
           l.id AS "letterId", l.slug, l.title, l.status::text AS status, l."closesAt"
    FROM "SignatureToken" AS t JOIN "Signature" AS s ON s.id = t."signatureId" JOIN "Letter" AS l ON l.id = s."letterId"
    WHERE t."tokenHash" = ANY(${hashes}::text[])`;
  const byHash = new Map(rows.map((row) => [row.tokenHash, row]));
  return hashes.map((hash) => {
    const row = byHash.get(hash);
    if (!row) return { ok: true, value: null };
    const { id, purpose, expiresAt, usedAt, proposal, state, domain, displayName, jobTitle, team, showName } = row;
    const letter = { id: row.letterId, slug: row.slug, title: row.title, status: row.status, closesAt: row.closesAt };
    return {
      ok: true,
      value: { id, purpose, expiresAt, usedAt, proposal, signature: { id: row.signatureId, state, domain, displayName, jobTitle, team, showName, letter } },
    };
  });
}

/**
 * What a link can still do, judged from the link alone: `used`, `expired` or `ready`. Never from
 * the signature's state: every submission gets the same email whatever the address's state, and
 * the page behind its link must look the same too, or opening it (as the employer's mail system
 * can) would tell who signed. What pressing the button then does depends on the state.
 */
export function assessSignatureToken(token: Pick<TFoundSignatureToken, "usedAt" | "expiresAt">, now: Date): "used" | "expired" | "ready" {
  if (token.usedAt) return "used";
  if (token.expiresAt <= now) return "expired";
  return "ready";
}
