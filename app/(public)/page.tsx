import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { listPublishedLetters, type TLetterSummary } from "@/lib/letters/list-published-letters";
import { LetterStatusBadge } from "@/app/_components/status-badge";
import { SignatureTotal } from "@/app/_components/signature-total";

export default async function HomePage() {
  await connection();
  const letters = await listPublishedLetters(getDb());
  const open = letters.filter((letter) => letter.status === "OPEN");
  const closed = letters.filter((letter) => letter.status === "CLOSED");

  return (
    <>
      <h1>Open letters</h1>
      <p className="lede">
        Letters from employees to their leadership. Every signature is verified through a work email address.
      </p>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open for signatures</h2>
        {open.length === 0 ? <p className="muted">No letter is open for signatures right now.</p> : <LetterList letters={open} />}
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="archive-heading">
          <h2 id="archive-heading">Closed letters</h2>
          <LetterList letters={closed} />
        </section>
      ) : null}
    </>
  );
}

function LetterList({ letters }: { letters: TLetterSummary[] }) {
  return (
    <ul className="letter-list">
      {letters.map((letter) => (
        <li key={letter.slug} className="letter-card">
          <h3>
            <Link href={`/letters/${letter.slug}`}>{letter.title}</Link>
          </h3>
          <p className="muted">To {letter.addressee}</p>
          <LetterStatusBadge status={letter.status} />
          <SignatureTotal total={letter.total} goal={letter.goal} />
        </li>
      ))}
    </ul>
  );
}
