import { z } from "zod";
import { recordNamedShift } from "@/lib/counts/named-counts";
import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { findReceipt } from "./find-receipt";

export const ZAppearanceChange = z.object({
  display: z.enum(["name", "anonymous"], { error: "Choose whether to show your name." }),
});
export type TAppearanceChange = z.infer<typeof ZAppearanceChange>;

/**
 * Changes how a signature appears, from its receipt: as a new choice would, with the same rules
 * (the letter must allow names, and a name moderators hid stays hidden). It changes no total,
 * only how many of the delivered letter's signers are named.
 * Only the receipt can do this, never an emailed link, so whoever reads the work mailbox cannot
 * turn an anonymous signer into a named one.
 */
export async function changeAppearance(db: TDb, rawToken: string, rawInput: unknown): Promise<{ letterSlug: string; showName: boolean }> {
  const parsed = ZAppearanceChange.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { fields: z.flattenError(parsed.error).fieldErrors });
  const signature = await findReceipt(db, rawToken);
  if (!signature) throw new AppError("TOKEN_INVALID");
  if (signature.state !== "PENDING" && signature.state !== "CONFIRMED") throw new AppError("SIGNATURE_ENDED");
  const showName = parsed.data.display === "name";
  if (showName && (!signature.letter.allowPublicNames || signature.nameHidden || signature.displayName === "")) {
    throw new AppError("INVALID_INPUT", {
      message: "This letter does not show signers' names.",
      fields: { display: ["This letter does not show signers' names."] },
    });
  }
  // Conditional on the state: a withdrawal racing this must not be undone or written over.
  // A choice made here replaces a threshold the signer was waiting on: "anonymous" must stay so.
  const changed = await db.$transaction(async (tx) => {
    // Locked, so that the named count's shift is taken from the row this change replaces (named-counts.ts).
    const [before] = await tx.$queryRaw<{ showName: boolean; nameHidden: boolean }[]>`
      SELECT "showName", "nameHidden" FROM "Signature" WHERE id = ${signature.id}::uuid FOR UPDATE`;
    const { count } = await tx.signature.updateMany({
      where: { id: signature.id, state: { in: ["PENDING", "CONFIRMED"] } },
      data: { showName, showNameAt: null },
    });
    if (count > 0 && before) await recordNamedShift(tx, signature.id, before);
    return count;
  });
  if (changed === 0) throw new AppError("SIGNATURE_ENDED");
  return { letterSlug: signature.letter.slug, showName };
}
