import type { SignatureState } from "@/lib/db/generated/enums";
import { sharesSql } from "@/lib/counts/named-counts";
import { Prisma } from "@/lib/db/prisma";
import { teamKeySql } from "@/lib/teams/team-key-sql";

/**
 * Everything that moves a signature between states, and the only moves there are:
 *
 *   PENDING ──confirm──▶ CONFIRMED        (the emailed link, or an organiser checking a code)
 *      │                     │
 *      └──withdraw/invalidate┴──▶ WITHDRAWN | INVALIDATED   (for good)
 *
 * Where each move is written: confirm in count-confirmation.ts (and its one-statement twin in
 * confirm-signature.ts); withdraw and invalidate in end-signature.ts, one at a time, and in
 * lib/moderation/invalidate-in-batches.ts for many, both with the fragments below. An ended
 * signature never comes back: signing again after a withdrawal is a new signature.
 */
export type TSignatureEvent = "confirm" | "withdraw" | "invalidate";

export const SIGNATURE_TRANSITIONS = {
  PENDING: { confirm: "CONFIRMED", withdraw: "WITHDRAWN", invalidate: "INVALIDATED" },
  CONFIRMED: { withdraw: "WITHDRAWN", invalidate: "INVALIDATED" },
  WITHDRAWN: {},
  INVALIDATED: {},
} as const satisfies Record<SignatureState, Partial<Record<TSignatureEvent, SignatureState>>>;

/** Where `event` takes a signature in `state`, or null where it cannot happen. */
export function signatureMove(state: string, event: TSignatureEvent): SignatureState | null {
  const moves: Partial<Record<TSignatureEvent, SignatureState>> | undefined = SIGNATURE_TRANSITIONS[state as SignatureState];
  return moves?.[event] ?? null;
}

/**
 * How a signature ends, as SQL fragments over a set of ending rows, so that ending one signature
 * (end-signature.ts: withdrawal, single invalidation, receipt withdrawal) and ending a batch of
 * them (invalidate-in-batches.ts) run the very same rules, each written once, here:
 *
 * - it leaves the counts: a signature counts from its confirmation until it ends, so ending a
 *   confirmed one appends a -1 on the UTC day it was counted, for its domain and team (the
 *   per-day, per-domain and per-team series always add up); a pending one never counted, so nothing;
 * - every link still in the signer's inbox goes dead, so no confirm link can revive it, and what
 *   its confirm links proposed to publish goes with them.
 *
 * `ending` names a CTE (or table) of the rows being ended, with the states read before the
 * update: columns id, "letterId", domain, team, state, "confirmedAt", "showName", "nameHidden",
 * "verificationMethod". Each fragment is one
 * data-modifying statement, to use as a CTE beside the UPDATE that ends the rows, or on its own
 * after a WITH that defines `ending`.
 */
export type TEndingSignature = {
  id: string;
  letterId: string;
  domain: string;
  team: string | null;
  state: string;
  confirmedAt: Date | null;
  showName: boolean;
  nameHidden: boolean;
  verificationMethod: string;
};

const ref = (ending: string) => Prisma.raw(`"${ending.replaceAll('"', "")}"`);

/**
 * Takes the counted rows of `ending` off the counts, the named and organiser-verified ones too
 * (lib/counts/named-counts.ts). "confirmedAt" is stored in UTC without a zone, so its ::date is
 * the UTC day recordCountChange counted it on.
 */
export function uncountEndedSql(ending: string): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "CountEvent" ("letterId", domain, day, team, delta, named, "anonymousByOrganisers")
    SELECT e."letterId", e.domain, e."confirmedAt"::date, ${teamKeySql(Prisma.sql`e.team`)}, -1, ${sharesSql("e", Prisma.sql`-1`)}
    FROM ${ref(ending)} e
    WHERE e.state = 'CONFIRMED' AND e."confirmedAt" IS NOT NULL`;
}

/** Burns every unused token of the rows of `ending` (only `id` is read), as of `now`. */
export function burnTokensSql(ending: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    UPDATE "SignatureToken" t SET "usedAt" = ${now}, proposal = NULL
    FROM ${ref(ending)} e WHERE t."signatureId" = e.id AND t."usedAt" IS NULL`;
}

/** One ending row as the `ending` CTE the fragments read (its values as read under the row lock). */
function oneEnding(signature: TEndingSignature): Prisma.Sql {
  // The time goes over as an instant (timestamptz) and is brought back to UTC wall time, as stored.
  return Prisma.sql`WITH ending (id, "letterId", domain, team, state, "confirmedAt", "showName", "nameHidden", "verificationMethod") AS (
    VALUES (${signature.id}::uuid, ${signature.letterId}::uuid, ${signature.domain}::text, ${signature.team}::text, ${signature.state}::text,
            ${signature.confirmedAt}::timestamptz AT TIME ZONE 'UTC', ${signature.showName}::boolean, ${signature.nameHidden}::boolean,
            ${signature.verificationMethod}::text))`;
}

/** Takes one ending signature off the counts, in the transaction that ends it; true if it had counted. */
export async function uncountEnded(tx: Prisma.TransactionClient, signature: TEndingSignature): Promise<boolean> {
  return (await tx.$executeRaw`${oneEnding(signature)} ${uncountEndedSql("ending")}`) > 0;
}

/** Burns one signature's unused tokens, in the caller's transaction. */
export async function burnTokens(tx: Prisma.TransactionClient, signatureId: string, now: Date): Promise<void> {
  await tx.$executeRaw`WITH ending (id) AS (VALUES (${signatureId}::uuid)) ${burnTokensSql("ending", now)}`;
}
