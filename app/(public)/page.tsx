import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { listPublishedLetters, type TLetterSummary } from "@/lib/letters/list-published-letters";
import { LetterStatusBadge } from "@/app/_components/status-badge";
import { SignatureTotal } from "@/app/_components/signature-total";
import { formatDate } from "@/lib/wording/format";
import { countOf, NOUNS } from "@/lib/wording/plural";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = searchText((await searchParams).q);
  const alternates = { types: { "application/atom+xml": [{ url: `${getEnv().APP_URL.replace(/\/+$/, "")}/feed.xml`, title: "New open letters" }] } };
  return query ? { title: `Letters matching “${query}”`, alternates } : { alternates };
}

const searchText = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? "";

export default async function HomePage({ searchParams }: Props) {
  await connection();
  const query = searchText((await searchParams).q);
  const [open, closed] = await Promise.all([
    listPublishedLetters(getDb(), { status: "OPEN", search: query, limit: 50 }),
    listPublishedLetters(getDb(), { status: "CLOSED", search: query, limit: 50 }),
  ]);

  return (
    <>
      <h1>Open letters</h1>
      <p className="lede">Letters from employees to their leadership. Every signature is verified through a work email address.</p>
      <form action="/" method="get" role="search" className="search-form">
        <label htmlFor="search-q">Search letters by title</label>
        <div className="search-row">
          <input id="search-q" name="q" type="search" defaultValue={query} maxLength={100} />
          <button type="submit">Search</button>
        </div>
      </form>
      {query ? (
        <p role="status">
          {open.length + closed.length === 0 ? "No letter" : countOf(open.length + closed.length, NOUNS.letter)} matching &ldquo;{query}&rdquo;.{" "}
          <Link href="/" prefetch={false}>
            Show all letters
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open for signatures</h2>
        {open.length === 0 ? (
          // A search that found nothing open says so: "none open right now" would be false.
          <p className="muted">{query ? <>No open letter matches &ldquo;{query}&rdquo;.</> : "No letter is open for signatures right now."}</p>
        ) : (
          <LetterList letters={open} />
        )}
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="archive-heading">
          <h2 id="archive-heading">Archive: closed letters</h2>
          <LetterList letters={closed} />
        </section>
      ) : null}
      <p className="muted">
        <a href="/feed.xml" type="application/atom+xml">
          Follow new letters
        </a>{" "}
        in a feed reader, an app that checks sites for news: no account, no email address.
      </p>
    </>
  );
}

function LetterList({ letters }: { letters: TLetterSummary[] }) {
  return (
    <ul className="letter-list">
      {letters.map((letter) => (
        <li key={letter.slug} className="letter-card">
          <h3>
            <Link href={`/letters/${letter.slug}`} prefetch={false}>
              {letter.title}
            </Link>
          </h3>
          <p className="muted">To {letter.addressee}</p>
          <p className="card-meta">
            <LetterStatusBadge status={letter.status} />
            {letter.status === "CLOSED" && letter.closedAt ? (
              <span className="muted">
                {" "}
                Closed <time dateTime={letter.closedAt.toISOString()}>{formatDate(letter.closedAt)}</time>
              </span>
            ) : null}
          </p>
          <SignatureTotal total={letter.total} goal={letter.goal} />
        </li>
      ))}
    </ul>
  );
}
