import { Prisma, type TDb } from "@/lib/db/prisma";
import { teamKeySql } from "@/lib/teams/team-key-sql";
import { utcDay } from "@/lib/counts/record-count-change";
import { AppError } from "@/lib/errors/app-error";
import { takesSignatures } from "@/lib/letters/lifecycle";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";
import { newReceipt } from "./receipt/issue-receipt";
import { readStoredProposal, type TSignatureProposal } from "./signature-proposal";

export type TConfirmOutcome = {
  outcome: "confirmed" | "already-confirmed";
  letter: { id: string; slug: string; title: string };
  /** The signer's private receipt token, given once, to the press that confirmed (see issue-receipt.ts). */
  receipt?: string;
  /** The confirmed signature shows its name once this many people at `domain` have signed (reveal-names.ts). */
  waitingForName?: { domain: string; threshold: number };
};

/**
 * Confirms a pending signature: from now on it counts. Only ever reached by a POST (the button
 * on the confirmation page), never by opening the link: mail scanners open every link.
 * Confirming twice, or from two tabs at once, is harmless and counts once.
 *
 * Every submission's email carries a confirm link, whatever the address's state, so a link can
 * reach a signature that is not pending: a confirmed one stays exactly as it is (whoever reads the
 * work mailbox, and can submit the address, must not be able to change how someone signed), and
 * an ended one (withdrawn, or invalidated by the organisers) is not revived.
 */
export async function confirmSignature(db: TDb, rawToken: string, now: Date): Promise<TConfirmOutcome> {
  const token = await findSignatureToken(db, rawToken, "CONFIRM");
  if (!token) throw new AppError("TOKEN_INVALID");
  const { signature } = token;
  const letter = { id: signature.letter.id, slug: signature.letter.slug, title: signature.letter.title };
  const usable = assessSignatureToken(token, now);
  if (usable === "used") return alreadyConfirmedOr("TOKEN_USED", signature.state, letter);
  if (usable === "expired") throw new AppError("TOKEN_EXPIRED");
  if (!takesSignatures(signature.letter, now)) throw new AppError("LETTER_NOT_OPEN");

  // What this link's page showed is what gets published (a later submission's link may have
  // proposed something else; the one pressed wins).
  const proposal = readStoredProposal(token.proposal);
  // Stored as a hash with the confirmation; the token is given only to this press.
  const { token: receipt, receiptHash } = newReceipt();
  const result = await confirmInOneStatement(db, {
    tokenId: token.id,
    signatureId: signature.id,
    letterId: signature.letter.id,
    domain: signature.domain,
    proposal,
    receiptHash,
    now,
  });
  if (result === "CONFIRMED_NOW") {
    const waitingForName = proposal?.showNameAt ? { domain: signature.domain, threshold: proposal.showNameAt } : undefined;
    return { outcome: "confirmed", letter, receipt, ...(waitingForName ? { waitingForName } : {}) };
  }
  return alreadyConfirmedOr(result === "WITHDRAWN" || result === "INVALIDATED" ? "SIGNATURE_ENDED" : "TOKEN_USED", result, letter);
}

/** A press that confirmed nothing: harmless if the signature counts already, else `code`. */
function alreadyConfirmedOr(code: "TOKEN_USED" | "SIGNATURE_ENDED", state: string, letter: TConfirmOutcome["letter"]): TConfirmOutcome {
  if (state === "CONFIRMED") return { outcome: "already-confirmed", letter };
  throw new AppError(code);
}

/**
 * Burns the token and, if the signature is still pending, confirms it (with the link's
 * proposal) and appends its +1 count event, by countConfirmation's rule (count-confirmation.ts;
 * an integration test holds the two to the same result): one statement, so one round trip and atomic by
 * itself, where the interactive transaction took six (a confirmation spike follows every
 * signing spike). Plain SQL for that reason. The signature row is read under FOR UPDATE, so of
 * two concurrent confirmations (two tabs, two links) exactly one sees it PENDING and counts it,
 * and a withdrawal racing this one cannot slip between the read and the write. Returns
 * CONFIRMED_NOW, or the state that stopped it (GONE: the signature no longer exists).
 */
async function confirmInOneStatement(
  db: TDb,
  change: { tokenId: string; signatureId: string; letterId: string; domain: string; proposal: TSignatureProposal | null; receiptHash: string; now: Date },
): Promise<string> {
  const { proposal, now } = change;
  const [row] = await db.$queryRaw<{ burnt: number; state: string | null; confirmed: number }[]>`
    WITH current AS (
      SELECT id, state FROM "Signature" WHERE id = ${change.signatureId}::uuid FOR UPDATE),
    -- Only once the signature row is locked (the EXISTS is evaluated before the token is
    -- touched): the same order as ending a signature (end-signature.ts locks the signature, then
    -- burns its tokens), so a confirmation racing a withdrawal waits instead of deadlocking.
    burnt AS (
      UPDATE "SignatureToken" SET "usedAt" = ${now}, proposal = NULL
      WHERE id = ${change.tokenId}::uuid AND "usedAt" IS NULL AND EXISTS (SELECT 1 FROM current)
      RETURNING id),
    confirmed AS (
      UPDATE "Signature" AS s SET
        state = 'CONFIRMED', "confirmedAt" = ${now}, "receiptHash" = ${change.receiptHash},
        "displayName" = CASE WHEN ${proposal !== null} THEN ${proposal?.displayName ?? null}::text ELSE s."displayName" END,
        "jobTitle" = CASE WHEN ${proposal !== null} THEN ${proposal?.jobTitle ?? null}::text ELSE s."jobTitle" END,
        team = CASE WHEN ${proposal !== null} THEN ${proposal?.team ?? null}::text ELSE s.team END,
        comment = CASE WHEN ${proposal !== null} THEN ${proposal?.comment ?? null}::text ELSE s.comment END,
        "showName" = CASE WHEN ${proposal !== null} THEN ${proposal?.showName ?? false} ELSE s."showName" END,
        "showNameAt" = CASE WHEN ${proposal !== null} THEN ${proposal?.showNameAt ?? null}::int ELSE s."showNameAt" END
      FROM current
      WHERE s.id = current.id AND current.state = 'PENDING' AND s.state = 'PENDING' AND EXISTS (SELECT 1 FROM burnt)
      RETURNING s.id, s.team),
    counted AS (
      -- Never an UPDATE of a count row (see record-count-change.ts): the aggregator folds these.
      -- The team is the one just confirmed (RETURNING gives the row as updated).
      INSERT INTO "CountEvent" ("letterId", domain, day, team, delta)
      SELECT ${change.letterId}::uuid, ${change.domain}, ${utcDay(now)}::date, ${teamKeySql(Prisma.sql`confirmed.team`)}, 1 FROM confirmed
      RETURNING id)
    SELECT (SELECT count(*) FROM burnt)::int AS burnt, (SELECT state::text FROM current) AS state,
           (SELECT count(*) FROM counted)::int AS confirmed`;
  if (row?.confirmed === 1) return "CONFIRMED_NOW";
  return row?.state ?? "GONE";
}
