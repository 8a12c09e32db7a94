import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate } from "@/lib/wording/format";
import { SignerName } from "@/app/_components/signer-name";
import { StatusTimeline } from "@/app/_components/status-timeline";
import { getDb } from "@/lib/db/client";
import { describeReceipt, type TReceiptState } from "@/lib/signatures/receipt/describe-receipt";
import { ReceiptForms } from "./receipt-forms";

// The token is in this page's address: it must not leak to other sites, nor into an index.
export const metadata: Metadata = { title: "Your signature", referrer: "no-referrer", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ saved?: string }> };

const STATE_TEXT: Record<TReceiptState, string> = {
  counted: "Counted",
  pending: "Not counted yet: waiting for verification",
  withdrawn: "Withdrawn",
  removed: "Removed by the letter's organisers",
};

const SAVED_TEXT: Record<string, string> = {
  named: "Saved: your name is shown.",
  anonymous: "Saved: you appear anonymously.",
  withdrawn: "Your signature is withdrawn.",
};

/** A signer's private page: their signature, as the public sees it, and what they can change. */
export default async function ReceiptPage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, { saved }] = await Promise.all([params, searchParams]);
  const view = await describeReceipt(getDb(), token);
  if (view.kind === "invalid") {
    return (
      <>
        <h1>This receipt is not valid</h1>
        <p>Check that you kept the whole link. Receipts are shown once, when a signature is confirmed; we cannot send one again.</p>
        <p>
          <Link href="/">See the open letters</Link>
        </p>
      </>
    );
  }
  const active = view.state === "counted" || view.state === "pending";
  return (
    <>
      <h1>Your signature</h1>
      {saved && SAVED_TEXT[saved] ? (
        <p className="card notice" role="status" tabIndex={-1}>
          {SAVED_TEXT[saved]}
        </p>
      ) : null}
      <p>
        On <Link href={`/letters/${view.letter.slug}`}>{view.letter.title}</Link>
      </p>
      <dl className="receipt-facts">
        <dt>State</dt>
        <dd>
          {STATE_TEXT[view.state]}
          {view.since ? ` since ${formatDate(view.since)}` : ""}
        </dd>
        {active ? (
          <>
            <dt>Appears as</dt>
            <dd>
              <SignerName {...view.appearsAs} />
            </dd>
          </>
        ) : null}
      </dl>
      {active ? <ReceiptForms token={token} showName={view.showName} mayShowName={view.mayShowName} /> : null}
      <h2>Latest news of the letter</h2>
      <StatusTimeline updates={view.updates} />
      <p className="muted">
        Keep this page&rsquo;s address private and on a personal device: anyone who has it can change or withdraw your signature. Opening it changes nothing.
      </p>
    </>
  );
}
