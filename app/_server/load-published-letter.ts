import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { ZSlug } from "@/lib/letters/slug";

/**
 * The published letter a page's slug names, or null. Cached per request: a page and its
 * metadata both need the letter, and ask for it once. It reads no request data, so a page built
 * on it can be cached and revalidated (see the letter page's `revalidate`).
 */
export const loadPublishedLetter = cache(async (rawSlug: string) => {
  const slug = ZSlug.safeParse(rawSlug);
  return slug.success ? getPublishedLetter(getDb(), slug.data) : null;
});
