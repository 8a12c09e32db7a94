import { z } from "zod";
import { describeActivity } from "@/lib/activity/describe-activity";
import type { TDb, Prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";

/**
 * Optimistic concurrency for organiser edits. Every write to a letter bumps `Letter.version`;
 * an edit carries the version the organiser's page showed and is applied only if the letter is
 * still at that version (one conditional UPDATE, so two saves racing cannot both pass). A stale
 * edit is refused with what changed since, and the form keeps what was typed, so two
 * co-organisers never overwrite each other without knowing.
 */
export const ZLetterVersion = z.coerce.number({ error: "Reload the page: this form does not say which version of the letter it was made on." }).int().min(1);

/** An edit's input together with the version it was made on. */
export function withLetterVersion<T extends z.ZodType>(schema: T) {
  return z.intersection(schema, z.object({ version: ZLetterVersion }));
}

/** What a refused stale edit reports: the letter's version now, and who did what since. */
export class LetterChangedError extends AppError {
  constructor(
    readonly currentVersion: number,
    readonly changes: string[],
  ) {
    super("LETTER_CHANGED");
  }
}

/**
 * Moves the letter from `expected` to the next version, in the caller's transaction, or throws
 * LetterChangedError when someone else moved it first. The caller's writes follow in the same
 * transaction, so they land only with the version they were checked against.
 */
export async function claimLetterVersion(tx: Prisma.TransactionClient, letterId: string, expected: number): Promise<number> {
  const [claimed] = await tx.$queryRaw<{ version: number }[]>`
    UPDATE "Letter" SET version = version + 1 WHERE id = ${letterId}::uuid AND version = ${expected} RETURNING version`;
  if (claimed) return claimed.version;
  throw await letterChangedSince(tx, letterId, expected);
}

const MAX_CHANGES_LISTED = 10;

async function letterChangedSince(tx: Prisma.TransactionClient | TDb, letterId: string, since: number): Promise<AppError> {
  const letter = await tx.letter.findUnique({ where: { id: letterId }, select: { version: true } });
  if (!letter) return new AppError("LETTER_NOT_FOUND");
  const entries = await tx.letterActivity.findMany({
    where: { letterId, letterVersion: { gt: since } },
    orderBy: { id: "asc" },
    take: MAX_CHANGES_LISTED + 1,
    select: { action: true, detail: true, createdAt: true, actor: { select: { email: true } } },
  });
  const changes = entries
    .slice(0, MAX_CHANGES_LISTED)
    .map((entry) => `${entry.actor?.email ?? "Undersigned"} ${describeActivity(entry.action, entry.detail)}.`);
  if (entries.length > MAX_CHANGES_LISTED) changes.push("…and more: see the letter's activity.");
  return new LetterChangedError(letter.version, changes);
}
