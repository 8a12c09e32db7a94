import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { describeTokenLink } from "@/lib/signatures/describe-token-link";
import { TokenLinkPage } from "@/app/_components/token-link-page";
import { confirmAction } from "./actions";

// The token is in this page's address: it must not leak to other sites through the Referer.
export const metadata: Metadata = { title: "Confirm your signature", referrer: "no-referrer", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const view = await describeTokenLink(getDb(), token, "CONFIRM", new Date());
  return (
    <TokenLinkPage
      view={view}
      token={token}
      action={confirmAction}
      text={{
        heading: "Confirm your signature",
        intro: "You are about to sign",
        button: "Confirm my signature",
        used: "If you pressed Confirm, your signature counts.",
        expired: "Confirmation links work for 48 hours. Sign the letter again to get a new one.",
      }}
    />
  );
}
