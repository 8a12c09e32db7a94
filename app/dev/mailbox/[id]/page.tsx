import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { readDevMailboxMessage } from "@/lib/mail/transports";
import { devMailboxDirOr404 } from "@/lib/server/dev-mailbox";

type Props = { params: Promise<{ id: string }> };

export default async function DevMailboxMessagePage({ params }: Props) {
  await connection();
  const message = await readDevMailboxMessage(devMailboxDirOr404(), (await params).id);
  if (!message) notFound();
  const links = message.text.match(/https?:\/\/[^\s)]+/g) ?? [];
  return (
    <>
      <p>
        <Link href="/dev/mailbox">← Dev mailbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <p className="muted">
        From {message.from} to {message.to}
      </p>
      <pre className="card" style={{ whiteSpace: "pre-wrap" }}>
        {message.text}
      </pre>
      {links.length > 0 ? (
        <ul>
          {links.map((href) => (
            <li key={href}>
              <a href={href}>{href}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
