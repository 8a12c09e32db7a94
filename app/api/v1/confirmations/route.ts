import { ZConfirmationRequest, type TConfirmationResult } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";
import { readJsonBody } from "@/lib/server/read-json-body";
import { getEnv } from "@/lib/config/env";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { receiptPath } from "@/lib/signatures/receipt/issue-receipt";

/**
 * POST /api/v1/confirmations `{ "token": "…" }` — confirms a signature with the token from its
 * email, as the confirmation page's button does: for apps and scripts that read the email
 * themselves. The token is the authority, so no session is needed; a browser on another site is
 * refused before this runs (lib/security/request-guard.ts), and scripts send no Origin.
 */
export async function POST(request: Request) {
  try {
    const parsed = ZConfirmationRequest.safeParse(await readJsonBody(request));
    if (!parsed.success) throw new AppError("TOKEN_INVALID");
    const { outcome, letter, receipt } = await confirmSignature(getDb(), parsed.data.token, new Date());
    const body: TConfirmationResult = {
      status: outcome,
      letter: { slug: letter.slug, title: letter.title },
      ...(receipt ? { receiptUrl: `${getEnv().APP_URL}${receiptPath(receipt)}` } : {}),
    };
    return Response.json(body, { status: 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "POST /api/v1/confirmations");
  }
}
