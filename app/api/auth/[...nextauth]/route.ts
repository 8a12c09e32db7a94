import type { NextRequest } from "next/server";
import { isAuthRoute } from "@/lib/auth/auth-routes";
import { handlers } from "@/lib/server/auth";

type Context = { params: Promise<{ nextauth: string[] }> };
type Handler = (request: NextRequest) => Promise<Response>;

/** Auth.js's handler, for the endpoints this app has (lib/auth/auth-routes.ts); a plain 404 otherwise. */
const onlyAuthRoutes =
  (handler: Handler) =>
  async (request: NextRequest, { params }: Context): Promise<Response> =>
    isAuthRoute((await params).nextauth)
      ? handler(request)
      : new Response("There is no such sign-in address.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export const GET = onlyAuthRoutes(handlers.GET);
export const POST = onlyAuthRoutes(handlers.POST);
