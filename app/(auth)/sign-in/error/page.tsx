import type { Metadata } from "next";
import Link from "next/link";
import { signInErrorMessage } from "@/lib/auth/sign-in-error-message";

export const metadata: Metadata = { title: "Sign-in failed", robots: { index: false } };

/** Auth.js sends failed sign-ins here with an error code; we never show its internals. */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  const message = signInErrorMessage(error);
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
