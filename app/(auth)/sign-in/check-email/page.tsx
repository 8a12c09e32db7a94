import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

export default async function CheckEmailPage() {
  // Rendered per request, not at build time: a page built once has no script nonce (see
  // lib/pipeline/script-nonces.ts), and the policy would block its scripts.
  await connection();
  return (
    <>
      <h1>Check your inbox</h1>
      <p className="lede">We have sent you a sign-in link. It works once, for one hour.</p>
    </>
  );
}
