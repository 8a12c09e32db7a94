import { ImageResponse } from "next/og";
import { letterRoute } from "@/lib/adapters/api-route";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { liveCounts } from "@/lib/wiring/live-counts";
import { LetterPreviewImage } from "@/app/_components/letter-preview-image";

/** GET /letters/{slug}/og.png — the link preview image, with the current verified total. */
export const GET = letterRoute("GET /letters/{slug}/og.png", async (_request, slug) => {
  const [letter, counts] = await Promise.all([getPublishedLetter(getDb(), slug, { minPublicGroup: getEnv().MIN_PUBLIC_GROUP }), liveCounts().hub.get(slug)]);
  if (!letter) throw new AppError("LETTER_NOT_FOUND");
  return new ImageResponse(
    <LetterPreviewImage
      title={letter.title}
      addressee={letter.addressee}
      open={letter.status === "OPEN"}
      total={counts?.total ?? letter.total}
      goal={letter.goal}
    />,
    {
      width: 1200,
      height: 630,
      headers: {
        "Cache-Control": "public, max-age=0, s-maxage=300, stale-while-revalidate=3600",
        // Unlisted (a quiet launch): the preview still unfurls in a chat, but no image search keeps it.
        ...(letter.listed ? {} : { "X-Robots-Tag": "noindex" }),
      },
    },
  );
});
