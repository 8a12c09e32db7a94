import { apiGet, parseSlug } from "@/lib/api/respond";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { feedResponse, ICALENDAR_CONTENT_TYPE } from "@/lib/feeds/feed-response";
import { getLetterCalendar } from "@/lib/feeds/get-letter-calendar";
import { renderICalendar } from "@/lib/feeds/render-icalendar";

type Context = { params: Promise<{ slug: string }> };

/** GET /letters/{slug}/calendar.ics — closing date and promised answers, to subscribe to. Drafts are 404. */
export async function GET(request: Request, { params }: Context) {
  return apiGet("GET /letters/{slug}/calendar.ics", async () => {
    const slug = parseSlug((await params).slug);
    const calendar = await getLetterCalendar(getDb(), slug, getEnv().APP_URL);
    if (!calendar) throw new AppError("LETTER_NOT_FOUND");
    return feedResponse(request, renderICalendar(calendar), ICALENDAR_CONTENT_TYPE, { filename: `${slug}.ics`, noindex: !calendar.listed });
  });
}
