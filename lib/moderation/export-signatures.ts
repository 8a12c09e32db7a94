import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import type { Prisma } from "@/lib/db/prisma";
import { streamFromSnapshot } from "@/lib/db/stream-from-snapshot";
import { csvRows, UTF8_BOM } from "./csv";
import { pageNamedSigners, summariseSigners, type TSignerSummary } from "./list-delivery-signers";

export type TSignatureExport = { filename: string; stream: ReadableStream<Uint8Array>; named: number; anonymous: number };

/** Named signers read per query: a few hundred KB of CSV, a few tens of milliseconds. */
export const EXPORT_BATCH = 5_000;

// How a signature was verified (issue 14 §3), in the words of the public page.
const verifiedBy = (method: "EMAIL" | "ORGANISER") => (method === "ORGANISER" ? "organisers" : "work email");

const isoMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The signatures as delivered, for a spreadsheet: one CSV with two sections, separated by an
 * empty line. First the public signers (name, job title, team, domain, when confirmed, verified by
 * work email or by organisers); then, for every domain with signers who are not named (anonymous
 * by choice, or hidden by a moderator), how many, and how many of those the organisers verified.
 * Anonymous signers are never named, only counted, and a domain with too few of them to name is
 * counted under "Other domains" (summariseSigners).
 *
 * Streamed from one snapshot (stream-from-snapshot.ts): the counts are read first, then the named
 * signers a keyset batch at a time as the download proceeds, so a million-signature letter costs
 * one batch of memory and its rows are exactly the counted ones. The activity entry records those
 * counts before the first byte is sent: what the file holds, read in the same snapshot.
 */
export const exportSignatures = defineLetterAction({
  name: "exportSignatures",
  requires: "EDITOR",
  input: z.object({}),
  async run({ db, now, actor, letter, settings }): Promise<TSignatureExport> {
    const { head, stream } = await streamFromSnapshot(db, async (tx) => {
      const summary = await summariseSigners(tx, letter.id, { minPublicGroup: settings.minPublicGroup });
      return { head: summary, body: csvBody(tx, letter.id, summary) };
    });
    try {
      await recordActivity(db, {
        letterId: letter.id,
        actorId: actor.userId,
        action: "signatures.exported",
        detail: { named: head.named, anonymous: head.anonymous },
        at: now,
      });
    } catch (error) {
      // Unrecorded, it is not sent: cancelling ends the snapshot's transaction.
      await stream.cancel();
      throw error;
    }
    return { filename: `${letter.slug}-signatures-${now.toISOString().slice(0, 10)}.csv`, stream, named: head.named, anonymous: head.anonymous };
  },
});

async function* csvBody(tx: Prisma.TransactionClient, letterId: string, summary: TSignerSummary, batchSize = EXPORT_BATCH): AsyncGenerator<string> {
  yield UTF8_BOM + csvRows([["Name", "Job title", "Team", "Domain", "Confirmed", "Verified by"]]);
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const batch = await pageNamedSigners(tx, letterId, { limit: batchSize, after });
    if (batch.length === 0) break;
    yield csvRows(
      batch.map((signer) => [signer.name, signer.jobTitle, signer.team, signer.domain, isoMinute(signer.confirmedAt), verifiedBy(signer.verificationMethod)]),
    );
    const last = batch.at(-1)!;
    after = { at: last.confirmedAt, id: last.id };
  }
  const elsewhere = summary.anonymousElsewhere;
  yield (
    "\r\n" +
    csvRows([
      ["Domain", "Anonymous verified signers", "Of which verified by organisers"],
      ...summary.anonymousByDomain.map((row) => [row.domain, row.count, row.byOrganisers]),
      // Domains with too few to name (lib/privacy/small-groups.ts), together.
      ...(elsewhere.count > 0 ? [["Other domains", elsewhere.count, elsewhere.byOrganisers]] : []),
    ])
  );
}
