import { z } from "zod";
import type { TDb } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { findReceipt } from "./find-receipt";

export const ZAppearanceChange = z.object({
  display: z.enum(["name", "anonymous"], { error: "Choose whether to show your name." }),
});
export type TAppearanceChange = z.infer<typeof ZAppearanceChange>;

/**
 * Changes how a signature appears, from its receipt: as a new choice would, with the same rules
 * (the letter must allow names, and a name moderators hid stays hidden). It changes no count.
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
  const changed = await db.signature.updateMany({ where: { id: signature.id, state: { in: ["PENDING", "CONFIRMED"] } }, data: { showName, showNameAt: null } });
  if (changed.count === 0) throw new AppError("SIGNATURE_ENDED");
  return { letterSlug: signature.letter.slug, showName };
}
