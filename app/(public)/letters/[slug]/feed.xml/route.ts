import { apiGet, parseSlug } from "@/lib/api/respond";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ATOM_CONTENT_TYPE, feedResponse } from "@/lib/feeds/feed-response";
import { getLetterFeed } from "@/lib/feeds/get-letter-feed";
import { renderAtomFeed } from "@/lib/feeds/render-atom-feed";

type Context = { params: Promise<{ slug: string }> };

/** GET /letters/{slug}/feed.xml — the letter's timeline as an Atom feed. Drafts are 404. */
export async function GET(request: Request, { params }: Context) {
  return apiGet("GET /letters/{slug}/feed.xml", async () => {
    const feed = await getLetterFeed(getDb(), parseSlug((await params).slug), getEnv().APP_URL);
    if (!feed) throw new AppError("LETTER_NOT_FOUND");
    return feedResponse(request, renderAtomFeed(feed), ATOM_CONTENT_TYPE, { noindex: !feed.listed });
  });
}
