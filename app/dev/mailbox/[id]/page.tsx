import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { readDevMailboxMessage } from "@/lib/mail/dev-mailbox";
import { devMailboxDirOr404 } from "@/lib/wiring/dev-mailbox";
import { MailBody } from "../_components/mail-view";

type Props = { params: Promise<{ id: string }> };

export default async function DevMailboxMessagePage({ params }: Props) {
  await connection();
  const message = await readDevMailboxMessage(devMailboxDirOr404(), (await params).id);
  if (!message) notFound();
  return (
    <>
      <p>
        <Link href="/dev/mailbox">← Dev mailbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <MailBody message={message} />
    </>
  );
}
