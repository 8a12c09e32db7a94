import { answerResponse } from "@/lib/adapters/api-answer";
import { answerConfirmationPost } from "@/lib/adapters/hot-posts";
import { readJsonBody } from "@/lib/adapters/json-body";

/**
 * POST /api/v1/confirmations `{ "token": "…" }` — confirms a signature with the token from its
 * email, as the confirmation page's button does: for apps and scripts that read the email
 * themselves. The token is the authority, so no session is needed; a browser on another site is
 * refused before this runs (lib/pipeline/request-guard.ts), and scripts send no Origin.
 * The production server usually answers it before Next, with the same function (lib/adapters/hot-posts.ts).
 */
export async function POST(request: Request) {
  return answerResponse(await answerConfirmationPost(() => readJsonBody(request)));
}
