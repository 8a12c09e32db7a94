import { ImageResponse } from "next/og";
import { apiError, parseSlug } from "@/lib/api/respond";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { liveCounts } from "@/lib/server/live-counts";
import { formatCount } from "@/app/_components/format";

type Context = { params: Promise<{ slug: string }> };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * GET /letters/{slug}/og.png — the link preview social sites show: title, addressee and the
 * current verified total, drawn with next/og's bundled font (nothing is fetched).
 */
export async function GET(_request: Request, { params }: Context) {
  try {
    const slug = parseSlug((await params).slug);
    const [letter, counts] = await Promise.all([getPublishedLetter(getDb(), slug), liveCounts().hub.get(slug)]);
    if (!letter) throw new AppError("LETTER_NOT_FOUND");
    const total = counts?.total ?? letter.total;
    const percent = letter.goal ? Math.min(100, Math.round((total / letter.goal) * 100)) : null;
    return new ImageResponse(
      (
        <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 64, background: "#fbfaf7", color: "#1c1d21" }}>
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ fontSize: 28, color: "#5d6069", display: "flex" }}>Open letter · {letter.status === "OPEN" ? "open for signatures" : "closed"}</div>
            <div style={{ fontSize: 60, fontWeight: 700, lineHeight: 1.15, marginTop: 24, display: "flex" }}>{clip(letter.title, 110)}</div>
            <div style={{ fontSize: 32, color: "#5d6069", marginTop: 24, display: "flex" }}>To {clip(letter.addressee, 80)}</div>
          </div>
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ display: "flex", alignItems: "baseline" }}>
              <span style={{ fontSize: 84, fontWeight: 700, color: "#1f5fbf" }}>{formatCount(total)}</span>
              <span style={{ fontSize: 36, marginLeft: 20 }}>verified signature{total === 1 ? "" : "s"}{letter.goal ? ` of ${formatCount(letter.goal)}` : ""}</span>
            </div>
            {percent !== null ? (
              <div style={{ display: "flex", height: 16, marginTop: 16, background: "#e3e1da", borderRadius: 8 }}>
                <div style={{ width: `${percent}%`, background: "#1f5fbf", borderRadius: 8 }} />
              </div>
            ) : null}
            <div style={{ fontSize: 24, color: "#5d6069", marginTop: 20, display: "flex" }}>Undersigned — every signature verified through a work email</div>
          </div>
        </div>
      ),
      { width: 1200, height: 630, headers: { "Cache-Control": "public, max-age=0, s-maxage=300, stale-while-revalidate=3600" } },
    );
  } catch (error) {
    return apiError(error, "GET /letters/{slug}/og.png");
  }
}
