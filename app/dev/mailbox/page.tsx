import type { Metadata } from "next";
import { connection } from "next/server";
import { listDevMailbox } from "@/lib/mail/dev-mailbox";
import { devMailboxDirOr404 } from "@/lib/wiring/dev-mailbox";
import { MailList } from "./_components/mail-view";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

/** Local runs without SMTP deliver here, so a first-time user can sign the demo letter end to end. */
export default async function DevMailboxPage() {
  await connection();
  const messages = await listDevMailbox(devMailboxDirOr404(), 50);
  return (
    <>
      <h1>Dev mailbox</h1>
      <p className="muted">Without SMTP_URL, Undersigned delivers email here instead of sending it. This page does not exist in production.</p>
      {messages.length === 0 ? <p>No messages yet. Sign a letter to receive one.</p> : <MailList messages={messages} />}
    </>
  );
}
