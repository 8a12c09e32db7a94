import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { describeTokenLink } from "@/lib/signatures/describe-token-link";
import { TokenLinkPage } from "@/app/_components/token-link-page";
import { withdrawAction } from "./actions";

export const metadata: Metadata = { title: "Withdraw your signature", referrer: "no-referrer", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function WithdrawPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const view = await describeTokenLink(getDb(), token, "WITHDRAW", new Date());
  return (
    <TokenLinkPage
      view={view}
      token={token}
      action={withdrawAction}
      text={{
        heading: "Withdraw your signature",
        intro: "You are about to withdraw the signature made with this email address, if there is one, from",
        button: "Withdraw my signature",
        used: "If you pressed Withdraw, your signature no longer counts.",
        expired: "Withdrawal links work for a year. Sign the letter again with the same address to get a new one.",
      }}
    />
  );
}
