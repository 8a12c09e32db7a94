import Link from "next/link";
import { formatDateTime } from "@/lib/wording/format";
import type { TDevMailboxMessage } from "@/lib/mail/dev-mailbox";

/** When a message arrived, as people read times ("2 Dec 2026, 14:05 UTC"), not an ISO string. */
export function SentAt({ sentAt }: { sentAt: string }) {
  const date = new Date(sentAt);
  return <time dateTime={sentAt}>{Number.isNaN(date.getTime()) ? sentAt : formatDateTime(date)}</time>;
}

export function MailList({ messages }: { messages: TDevMailboxMessage[] }) {
  return (
    <ul className="letter-list">
      {messages.map((message) => (
        <li key={message.id} className="letter-card">
          <Link href={`/dev/mailbox/${message.id}`}>{message.subject}</Link>
          <p className="muted dev-mail-meta">
            To {message.to} · <SentAt sentAt={message.sentAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * A message's text and its links. Confirmation links are long unbroken strings: they wrap
 * anywhere (`.dev-mail-text`), or a phone would scroll the whole page sideways to read them.
 */
export function MailBody({ message }: { message: TDevMailboxMessage }) {
  const links = message.text.match(/https?:\/\/[^\s)]+/g) ?? [];
  return (
    <>
      <p className="muted dev-mail-meta">
        From {message.from} to {message.to} · <SentAt sentAt={message.sentAt} />
      </p>
      <pre className="card dev-mail-text">{message.text}</pre>
      {links.length > 0 ? (
        <ul className="dev-mail-links">
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
