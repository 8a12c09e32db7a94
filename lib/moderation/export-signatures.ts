import { z } from "zod";
import { recordActivity } from "@/lib/activity/record-activity";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { csvRows, UTF8_BOM } from "./csv";
import { listDeliverySigners } from "./list-delivery-signers";

export type TSignatureExport = { filename: string; csv: string; named: number; anonymous: number };

// How a signature was verified (issue 14 §3), in the words of the public page.
const verifiedBy = (method: "EMAIL" | "ORGANISER") => (method === "ORGANISER" ? "organisers" : "work email");

const isoMinute = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The signatures as delivered, for a spreadsheet: one CSV with two sections, separated by an
 * empty line. First the public signers (name, job title, team, domain, when confirmed, verified by
 * work email or by organisers); then, for every domain with signers who are not named (anonymous
 * by choice, or hidden by a moderator), how many, and how many of those the organisers verified. Anonymous signers are never named, only counted. Reading and recording
 * the export happen in one REPEATABLE READ transaction, so the activity entry's counts are the
 * file's counts.
 */
export const exportSignatures = defineLetterAction({
  name: "signatures.export",
  requires: "EDITOR",
  input: z.object({}),
  async run({ db, now, actor, letter }): Promise<TSignatureExport> {
    const signers = await db.$transaction(
      async (tx) => {
        const result = await listDeliverySigners(tx, letter.id);
        const anonymous = result.anonymousByDomain.reduce((sum, row) => sum + row.count, 0);
        await recordActivity(tx, {
          letterId: letter.id,
          actorId: actor.userId,
          action: "signatures.exported",
          detail: { named: result.named.length, anonymous },
          at: now,
        });
        return { ...result, anonymous };
      },
      { isolationLevel: "RepeatableRead" },
    );
    const csv =
      UTF8_BOM +
      csvRows([
        ["Name", "Job title", "Team", "Domain", "Confirmed", "Verified by"],
        ...signers.named.map((signer) => [signer.name, signer.jobTitle, signer.team, signer.domain, isoMinute(signer.confirmedAt), verifiedBy(signer.verificationMethod)]),
      ]) +
      "\r\n" +
      csvRows([["Domain", "Anonymous verified signers", "Of which verified by organisers"], ...signers.anonymousByDomain.map((row) => [row.domain, row.count, row.byOrganisers])]);
    return {
      filename: `${letter.slug}-signatures-${now.toISOString().slice(0, 10)}.csv`,
      csv,
      named: signers.named.length,
      anonymous: signers.anonymous,
    };
  },
});
