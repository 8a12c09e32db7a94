import type { LetterStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { nextStatus, type TLetterEvent } from "./lifecycle";

/**
 * A letter's status, read under its row lock for the rest of the caller's transaction: whatever
 * the caller decides from it cannot be overtaken by a concurrent publish, close or edit. Null
 * when the letter is gone.
 */
export async function lockLetterStatus(tx: Prisma.TransactionClient, letterId: string): Promise<LetterStatus | null> {
  const [current] = await tx.$queryRaw<{ status: LetterStatus }[]>`
    SELECT status FROM "Letter" WHERE id = ${letterId}::uuid FOR UPDATE`;
  return current?.status ?? null;
}

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
  const from = await lockLetterStatus(tx, letterId);
  if (!from) throw new AppError("LETTER_NOT_FOUND");
  const to = nextStatus(from, event);
  // A new version: an edit made on the letter before it moved is stale (lib/letters/letter-version.ts).
  await tx.letter.update({ where: { id: letterId }, data: { ...data, status: to, version: { increment: 1 } } });
  return { from, to };
}
