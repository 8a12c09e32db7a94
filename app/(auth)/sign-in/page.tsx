import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/sign-in-link";
import { getActor } from "@/lib/adapters/organiser-page";
import { requestSignInAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

/** Organisers sign in with a link by email: no password to leak, no account to set up. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if (await getActor()) redirect(callbackPath);
  return (
    <>
      <h1>Sign in to organise</h1>
      <p className="lede">Write an open letter, choose who may sign it, and keep its status true. We email you a link; there is no password.</p>
      <SignInForm action={requestSignInAction} callbackPath={callbackPath} />
      <p className="muted">
        Signing a letter needs no account: use the form on the letter&apos;s page. Organisers&apos; own addresses are visible to their co-organisers only.
      </p>
    </>
  );
}
