import { letterRoute } from "@/lib/adapters/api-route";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ATOM_CONTENT_TYPE, feedResponse } from "@/lib/feeds/feed-response";
import { getLetterFeed } from "@/lib/feeds/get-letter-feed";
import { renderAtomFeed } from "@/lib/feeds/render-atom-feed";

/** GET /letters/{slug}/feed.xml — the letter's timeline as an Atom feed. Drafts are 404. */
export const GET = letterRoute("GET /letters/{slug}/feed.xml", async (request, slug) => {
  const feed = await getLetterFeed(getDb(), slug, getEnv().APP_URL);
  if (!feed) throw new AppError("LETTER_NOT_FOUND");
  return feedResponse(request, renderAtomFeed(feed), ATOM_CONTENT_TYPE, { noindex: !feed.listed });
});
