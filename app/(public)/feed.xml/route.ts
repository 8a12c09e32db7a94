import { publicRoute } from "@/lib/adapters/api-route";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { ATOM_CONTENT_TYPE, feedResponse } from "@/lib/feeds/feed-response";
import { getSiteFeed } from "@/lib/feeds/get-site-feed";
import { renderAtomFeed } from "@/lib/feeds/render-atom-feed";

// Read on every request (the database is not there at build time); shared caches keep it briefly.
export const dynamic = "force-dynamic";

/** GET /feed.xml — newly published letters, as an Atom feed. */
export const GET = publicRoute("GET /feed.xml", async (request) =>
  feedResponse(request, renderAtomFeed(await getSiteFeed(getDb(), getEnv().APP_URL)), ATOM_CONTENT_TYPE),
);
