import { z } from "zod";
import { defineLetterAction } from "@/lib/auth/organiser-action";
import { AppError } from "@/lib/errors/app-error";

/**
 * Deletes a letter and everything under it: signatures, tokens, counts, updates, the activity
 * log, and the unsent emails about them, with the signers' addresses they hold. Irreversible, so
 * the owner types the letter's address to confirm.
 */
export const deleteLetter = defineLetterAction({
  name: "deleteLetter",
  requires: "OWNER",
  input: z.object({ confirmSlug: z.string() }),
  async run({ db, letter }, { confirmSlug }) {
    if (confirmSlug.trim() !== letter.slug) {
      throw new AppError("INVALID_INPUT", { fields: { confirmSlug: [`Type ${letter.slug} to confirm.`] } });
    }
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`
        DELETE FROM "OutboxEmail" WHERE "sentAt" IS NULL AND (
          data->>'signatureId' IN (SELECT id::text FROM "Signature" WHERE "letterId" = ${letter.id}::uuid)
          OR data->>'invitationId' IN (SELECT id::text FROM "OrganiserInvitation" WHERE "letterId" = ${letter.id}::uuid)
          OR data->>'letterId' = ${letter.id})`;
      await tx.letter.delete({ where: { id: letter.id } });
    });
  },
});
