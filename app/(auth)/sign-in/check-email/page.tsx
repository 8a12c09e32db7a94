import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your inbox</h1>
      <p className="lede">We have sent you a sign-in link. It works once, for one hour.</p>
    </>
  );
}
