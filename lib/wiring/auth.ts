import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { acceptInvitations } from "@/lib/auth/accept-invitations";
import { safeCallbackPath, SIGN_IN_LINK_LIFETIME_MS } from "@/lib/auth/sign-in-link";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { emailHmacKey } from "./secrets";
import { getSigningLimits } from "./signing-limits";
import { kickOutbox } from "./background-jobs";

const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

export function authSecret(): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set. Start the app with `npm start`, or set it (see .env.example).");
  return secret;
}

/** Queues a sign-in link through the outbox, like every other email we send. */
export async function queueSignInLink(input: { email: unknown; callbackPath: unknown }): Promise<{ email: string }> {
  const result = await requestSignInLink({ db: getDb(), addressHmacKey: emailHmacKey(), mayEmail: (key) => getSigningLimits().consumeSignInEmail(key) }, input);
  kickOutbox();
  return result;
}

/**
 * Auth.js's email provider, pointed at our outbox. Auth.js creates a token and calls
 * sendVerificationRequest; we do not email that token (it would rest in the outbox in plain
 * text): the outbox issues a fresh one when it sends, and links it to our scanner-safe page.
 */
const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_LIFETIME_MS / 1000,
  async sendVerificationRequest({ identifier, url }) {
    await queueSignInLink({ email: identifier, callbackPath: new URL(url).searchParams.get("callbackUrl") ?? undefined });
  },
};

export const { handlers, auth, signOut } = NextAuth(() => {
  // Auth.js builds its redirects from AUTH_URL when set, else from the request's own URL, which
  // behind a load balancer or our production server is an internal address. APP_URL is the one
  // public address, so it is Auth.js's too. (Read at request time, after this function.)
  process.env.AUTH_URL ??= `${getEnv().APP_URL.replace(/\/+$/, "")}/api/auth`;
  return {
    adapter: PrismaAdapter(getDb()),
    secret: authSecret(),
    // The public address comes from APP_URL (AUTH_URL above), never from a forwarded header.
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
    providers: [emailProvider],
    callbacks: {
      // After signing in, only ever somewhere on this site.
      redirect({ url, baseUrl }) {
        if (url.startsWith(baseUrl)) return `${baseUrl}${safeCallbackPath(url.slice(baseUrl.length) || "/")}`;
        return `${baseUrl}${safeCallbackPath(url)}`;
      },
    },
    events: {
      async signIn({ user }) {
        if (user.id && user.email) await acceptInvitations(getDb(), { id: user.id, email: user.email }, new Date());
      },
    },
  };
});
