import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";
import { submitSignature } from "@/lib/server/submit-signature";

// Far above any honest submission (a name, an address, a comment of 1,000 characters), and
// checked before the body is parsed, so a flood of huge bodies costs us little.
const MAX_BODY_BYTES = 16 * 1024;

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

async function readJsonBody(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  try {
    const body: unknown = JSON.parse(raw);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("MALFORMED_REQUEST");
    return body;
  } catch (error) {
    throw error instanceof AppError ? error : new AppError("MALFORMED_REQUEST");
  }
}
