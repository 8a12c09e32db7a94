import type { MetadataRoute } from "next";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/config/env";
import { letterUrls } from "@/lib/letters/letter-urls";
import { listSitemapLetters } from "@/lib/letters/list-sitemap-letters";

// Read at request time (the build has no database), and kept by caches for an hour.
export const dynamic = "force-dynamic";

/** /sitemap.xml: the home page and every published letter, so search engines find new letters. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const appUrl = getEnv().APP_URL.replace(/\/+$/, "");
  const letters = await listSitemapLetters(getDb());
  return [{ url: `${appUrl}/` }, ...letters.map((letter) => ({ url: letterUrls(appUrl, letter.slug).page, lastModified: letter.updatedAt }))];
}
