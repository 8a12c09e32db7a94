import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** A position in a list ordered newest first by a timestamp, ties broken by id. */
export type TCursor = { at: Date; id: string };

const ZCursorPayload = z.object({ at: z.iso.datetime(), id: z.uuid() });

/**
 * Opaque to clients (base64url JSON), so the ordering behind it may change without breaking
 * them. Keyset rather than offset: page 500 costs what page 1 costs, and a signature confirmed
 * while someone pages does not shift every later page by one.
 */
export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id })).toString("base64url");
}

/** The cursor a client sent back, or null for the first page; a malformed one is INVALID_INPUT. */
export function decodeCursor(raw: string | null | undefined): TCursor | null {
  if (raw === null || raw === undefined || raw === "") return null;
  try {
    const payload = ZCursorPayload.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { at: new Date(payload.at), id: payload.id };
  } catch {
    throw new AppError("INVALID_INPUT", { message: "The cursor is not valid.", fields: { cursor: ["Use the nextCursor of a previous page."] } });
  }
}

/**
 * Prisma's condition for "after this cursor" in a newest-first (timestamp, id) order. The outer
 * `lte` is implied by the OR but is what PostgreSQL can use as an index bound: without it a deep
 * page of a million-signature letter scanned every newer row (bench/scale.ts).
 */
export function afterCursor<K extends string>(field: K, cursor: TCursor | null) {
  if (!cursor) return {};
  return { [field]: { lte: cursor.at }, OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] } as { [P in K]: { lte: Date } } & {
    OR: ({ [P in K]: { lt: Date } } | ({ [P in K]: Date } & { id: { lt: string } }))[];
  };
}

/**
 * A page of a list fetched one row long: the extra row only says whether there is more. Keeps
 * every paged query honest about the limit without a second COUNT query.
 */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => TCursor): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
