import { errorResponse } from "@/lib/errors/error-response";
import { readJsonBody } from "@/lib/server/read-json-body";
import { submitSignature } from "@/lib/server/submit-signature";

type Context = { params: Promise<{ slug: string }> };

/**
 * POST /api/v1/letters/{slug}/signatures — sign a letter. Answers 202 `{ "status": "pending" }`
 * whether or not the address had signed already; the signature counts once confirmed by email.
 * The one state-changing endpoint open to other origins, by design: a letter may be signed from
 * a campaign's own site. It is rate limited like the form.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const { slug } = await params;
    const body = await readJsonBody(request);
    const result = await submitSignature(slug, body, request.headers);
    return Response.json(result, { status: 202, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, "POST /api/v1/letters/{slug}/signatures");
  }
}
