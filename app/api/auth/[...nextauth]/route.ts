import type { NextRequest } from "next/server";
import { isAuthRoute } from "@/lib/auth/auth-routes";
import { hasAcceptableCallbackUrls } from "@/lib/auth/callback-url";
import { handlers } from "@/lib/wiring/auth";

type Context = { params: Promise<{ nextauth: string[] }> };
type Handler = (request: NextRequest) => Promise<Response>;

const refusal = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * Auth.js's handler, for the endpoints this app has (lib/auth/auth-routes.ts) and callback URLs
 * it accepts (lib/auth/callback-url.ts); a plain 404 or 400 otherwise.
 */
const onlyAuthRoutes =
  (handler: Handler) =>
  async (request: NextRequest, { params }: Context): Promise<Response> => {
    if (!isAuthRoute((await params).nextauth)) return refusal(404, "There is no such sign-in address.");
    if (!hasAcceptableCallbackUrls(request.nextUrl, (name) => request.cookies.get(name)?.value)) {
      return refusal(400, "This sign-in address is not valid: the page to return to is not an address on the web.");
    }
    return handler(request);
  };

export const GET = onlyAuthRoutes(handlers.GET);
export const POST = onlyAuthRoutes(handlers.POST);
