import { Prisma } from "@/lib/db/prisma";

/**
 * The delivered letter's breakdown, kept with the counts: per domain, how many confirmed
 * signatures are shown by name, and how many of the anonymous ones an organiser verified
 * (lib/moderation/list-delivery-signers.ts prints both). Counting them from the rows on every
 * view of the delivery page read every confirmed signature: 136 ms at a million (bench:scale).
 * They ride on the count events instead, folded into "DomainCount" with the totals:
 *
 * - a signature that starts or stops counting carries its share in its ±1 event (`sharesSql`);
 * - a counted signature shown or hidden without changing state (a moderator hiding a name, the
 *   signer changing it on the receipt, a name revealed at its threshold) appends an event with
 *   delta 0 and only the shift (`recordNamedShiftsSql`, `recordNamedShift`).
 *
 * Which signatures are "named" is decided here and only here (`namedSql`), for every writer.
 * The reconciliation (reconcile-counts.ts) recounts both from the rows and corrects any drift.
 */

const col = (alias: string, column: string) => Prisma.raw(`"${alias.replaceAll('"', "")}"."${column}"`);

/** Shown by name on the delivered letter: the signer chose it and no moderator hid it. */
export function namedSql(alias: string): Prisma.Sql {
  return Prisma.sql`(${col(alias, "showName")} AND NOT ${col(alias, "nameHidden")})`;
}

/**
 * The `named` and `anonymousByOrganisers` values of a count event that moves the signature
 * `alias` (a row with "showName", "nameHidden", "verificationMethod") by `delta`: two
 * comma-separated expressions, for an INSERT's SELECT list.
 */
export function sharesSql(alias: string, delta: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${namedSql(alias)} THEN ${delta} ELSE 0 END,
    CASE WHEN NOT ${namedSql(alias)} AND ${col(alias, "verificationMethod")}::text = 'ORGANISER' THEN ${delta} ELSE 0 END`;
}

/**
 * Appends the shift of every counted signature of `changes` whose name was shown and no longer
 * is, or the other way round. `changes` names a CTE (or table) with the columns "letterId",
 * domain, state, "confirmedAt", "verificationMethod", "wasNamed" and "isNamed", as the change
 * left the row and as it found it (read under the row's lock). Pending and ended signatures
 * count nowhere, so their shifts are nothing. One INSERT, to use as a CTE or after a WITH.
 */
export function recordNamedShiftsSql(changes: string): Prisma.Sql {
  const c = Prisma.raw(`"${changes.replaceAll('"', "")}"`);
  return Prisma.sql`
    INSERT INTO "CountEvent" ("letterId", domain, day, team, delta, named, "anonymousByOrganisers")
    SELECT c."letterId", c.domain, c."confirmedAt"::date, NULL, 0, c."isNamed"::int - c."wasNamed"::int,
      CASE WHEN c."verificationMethod"::text = 'ORGANISER' THEN c."wasNamed"::int - c."isNamed"::int ELSE 0 END
    FROM ${c} c
    WHERE c.state::text = 'CONFIRMED' AND c."confirmedAt" IS NOT NULL AND c."isNamed" <> c."wasNamed"`;
}

/**
 * The shift of one signature, after the caller changed how it appears in this transaction:
 * `before` is its "showName" and "nameHidden" as read under the row's lock before the change.
 * Returns whether it moved the breakdown.
 */
export async function recordNamedShift(
  tx: Prisma.TransactionClient,
  signatureId: string,
  before: { showName: boolean; nameHidden: boolean },
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    WITH was ("showName", "nameHidden") AS (VALUES (${before.showName}::boolean, ${before.nameHidden}::boolean)),
    changes AS (
      SELECT s."letterId", s.domain, s.state, s."confirmedAt", s."verificationMethod", ${namedSql("was")} AS "wasNamed", ${namedSql("s")} AS "isNamed"
      FROM "Signature" s, was WHERE s.id = ${signatureId}::uuid)
    ${recordNamedShiftsSql("changes")}`;
  return inserted > 0;
}
