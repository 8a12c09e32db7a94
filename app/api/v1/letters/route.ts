import { jsonAnswer } from "@/lib/adapters/api-answer";
import { parseLimit, preflight, publicRoute } from "@/lib/adapters/api-route";
import { presentLetterSummary } from "@/lib/api/present";
import type { TLetterList } from "@/lib/api/schemas";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { pagePublishedLetters } from "@/lib/letters/page-published-letters";
import { decodeCursor } from "@/lib/pagination/cursor";

/** GET /api/v1/letters — published letters, newest first, `?status=open|closed&cursor=&limit=`. */
export const GET = publicRoute("GET /api/v1/letters", async (request) => {
  const params = new URL(request.url).searchParams;
  const page = await pagePublishedLetters(getDb(), {
    limit: parseLimit(params, 20, 100),
    cursor: decodeCursor(params.get("cursor")),
    status: parseStatus(params.get("status")),
  });
  const body: TLetterList = { letters: page.items.map((letter) => presentLetterSummary(letter, getEnv().APP_URL)), nextCursor: page.nextCursor };
  return jsonAnswer(body, "standard");
});

export const OPTIONS = preflight;

function parseStatus(raw: string | null): "OPEN" | "CLOSED" | undefined {
  if (raw === null || raw === "") return undefined;
  if (raw === "open" || raw === "closed") return raw === "open" ? "OPEN" : "CLOSED";
  throw new AppError("INVALID_INPUT", { message: "The status is not valid.", fields: { status: ["Use open or closed."] } });
}
