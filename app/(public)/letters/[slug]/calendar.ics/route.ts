import { letterRoute } from "@/lib/adapters/api-route";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { feedResponse, ICALENDAR_CONTENT_TYPE } from "@/lib/feeds/feed-response";
import { getLetterCalendar } from "@/lib/feeds/get-letter-calendar";
import { renderICalendar } from "@/lib/feeds/render-icalendar";

/** GET /letters/{slug}/calendar.ics — closing date and promised answers, to subscribe to. Drafts are 404. */
export const GET = letterRoute("GET /letters/{slug}/calendar.ics", async (request, slug) => {
  const calendar = await getLetterCalendar(getDb(), slug, getEnv().APP_URL);
  if (!calendar) throw new AppError("LETTER_NOT_FOUND");
  return feedResponse(request, renderICalendar(calendar), ICALENDAR_CONTENT_TYPE, { filename: `${slug}.ics`, noindex: !calendar.listed });
});
