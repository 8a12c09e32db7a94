import { createHash } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/lib/db/prisma";

/**
 * What organisers see of a signature's source: the first 8 hex characters of
 * SHA-256(letterId ":" sourceKey). The stored sourceKey is the rate limiter's key for a client
 * IP; showing it would let anyone holding two letters' exports match a source across letters,
 * so every letter gets its own labels. 32 bits tell a letter's sources apart well enough to
 * group a flood; they identify nobody.
 */
export function sourceLabel(letterId: string, sourceKey: string): string {
  return createHash("sha256").update(`${letterId}:${sourceKey}`).digest("hex").slice(0, 8);
}

export const ZSourceLabel = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}$/, "A source label is 8 characters, 0–9 and a–f.");

/**
 * The same label computed by PostgreSQL, so a bulk invalidation can select a source by its label
 * without the database handing every sourceKey to the app. A test holds the two to agreement.
 * Expects the signature table under the alias `s`.
 */
export function sourceLabelSql(letterId: string): Prisma.Sql {
  return Prisma.sql`substr(encode(sha256(convert_to(${letterId}::text || ':' || s."sourceKey", 'UTF8')), 'hex'), 1, 8)`;
}
