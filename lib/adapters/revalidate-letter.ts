import "server-only";
import { revalidatePath } from "next/cache";
import { processPageCache } from "@/lib/pipeline/page-cache";

/**
 * The cached public pages of every letter, by file path. Next tags a cached page with its URL
 * and with its file path, route group included (`/(public)/letters/[slug]/page`): a pattern
 * written without the group matches no tag and revalidates nothing (which is how organisers'
 * changes once waited out the cache; e2e/organiser-forms-tell-the-truth.spec.ts catches it).
 */
const PUBLIC_LETTER_PAGES = ["/(public)/letters/[slug]", "/(public)/letters/[slug]/signatures", "/(public)/letters/[slug]/sign-with-organisers"];

/**
 * After an organiser's change: the letter's organiser pages, and its public pages where the
 * change shows there. The letter page is served from Next's cache (it revalidates every few
 * seconds on its own) and, for a second, from the production server's (lib/pipeline/page-cache.ts);
 * this makes the next view after an organiser's change show it.
 */
export function revalidateLetter(letterId: string, options: { publicPage?: boolean } = {}): void {
  revalidatePath(`/organise/letters/${letterId}`, "layout");
  if (options.publicPage) {
    for (const page of PUBLIC_LETTER_PAGES) revalidatePath(page, "page");
    revalidatePath("/");
    processPageCache()?.drop();
  }
}

/** After a signer's change by receipt (name shown or hidden, withdrawn): the pages that list signatures. */
export function revalidateSignaturePages(slug: string): void {
  revalidatePath(`/letters/${slug}`);
  revalidatePath(`/letters/${slug}/signatures`);
  processPageCache()?.drop();
}
