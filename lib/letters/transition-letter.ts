import type { LetterStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { nextStatus, type TLetterEvent } from "./lifecycle";

/**
 * Moves a letter on by `event`, in the caller's transaction, only from the state it is in now:
 * the row is locked first, so two organisers pressing Publish and Close at once cannot both win.
 * Returns the state it left and the state it entered.
 */
export async function transitionLetter(
  tx: Prisma.TransactionClient,
  letterId: string,
  event: TLetterEvent,
  data: Prisma.LetterUpdateInput = {},
): Promise<{ from: LetterStatus; to: LetterStatus }> {
  const [current] = await tx.$queryRaw<{ status: LetterStatus }[]>`
    SELECT status FROM "Letter" WHERE id = ${letterId}::uuid FOR UPDATE`;
  if (!current) throw new AppError("LETTER_NOT_FOUND");
  const to = nextStatus(current.status, event);
  await tx.letter.update({ where: { id: letterId }, data: { ...data, status: to } });
  return { from: current.status, to };
}
