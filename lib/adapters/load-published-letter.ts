import "server-only";
import { cache } from "react";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { getLetterPage } from "@/lib/letters/get-letter-page";
import { ZSlug } from "@/lib/letters/slug";

/** How many of the newest signers the letter page lists. */
export const RECENT_SIGNERS = 10;

/**
 * The published letter a page's slug names, with its newest signers, all from one snapshot
 * (see getLetterPage), or null. Cached per request: a page and its metadata both need the
 * letter, and ask for it once. It reads no request data, so a page built on it can be cached
 * and revalidated (see the letter page's `revalidate`).
 */
export const loadPublishedLetter = cache(async (rawSlug: string) => {
  const slug = ZSlug.safeParse(rawSlug);
  return slug.success ? getLetterPage(getDb(), slug.data, { recentSigners: RECENT_SIGNERS, minPublicGroup: getEnv().MIN_PUBLIC_GROUP }) : null;
});
