import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/sign-in-link";

// The token is in this page's address: no referrer may carry it to another site.
export const metadata: Metadata = { title: "Sign in", robots: { index: false }, referrer: "no-referrer" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * Where a sign-in email's link leads. Opening it does nothing: corporate link scanners open
 * every link in a message, and would otherwise spend the token before the organiser could.
 * Only the button, a person's click, goes on to Auth.js's callback, which spends it.
 */
export default async function VerifySignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const email = first(params.email);
  const token = first(params.token);
  if (!email || !token) {
    return (
      <>
        <h1>This sign-in link is incomplete</h1>
        <p>
          Check that you opened the whole link from your email, or <Link href="/sign-in">ask for a new one</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Sign in to Undersigned</h1>
      <p className="lede">
        Signing in as <strong>{email}</strong>.
      </p>
      <form method="get" action="/api/auth/callback/email" className="card">
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(first(params.callbackUrl))} />
        <button type="submit">Sign in</button>
      </form>
      <p className="muted">If you did not ask to sign in, close this page: nothing happens without the button.</p>
    </>
  );
}
