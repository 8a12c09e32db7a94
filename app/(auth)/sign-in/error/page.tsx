import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign-in failed", robots: { index: false } };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has expired or has already been used. Links work once, for one hour.",
  AccessDenied: "You cannot sign in with this address.",
};

/** Auth.js sends failed sign-ins here with an error code; we never show its internals. */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  const message = (typeof error === "string" && MESSAGES[error]) || "Signing in did not work. Please try again.";
  return (
    <>
      <h1>Sign-in failed</h1>
      <p className="lede" role="alert">
        {message}
      </p>
      <p>
        <Link href="/sign-in">Get a new sign-in link</Link>
      </p>
    </>
  );
}
