import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { describeAllowedDomains } from "@/lib/letters/domain-policy";
import { getPublishedLetter } from "@/lib/letters/get-published-letter";
import { listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { ZSlug } from "@/lib/letters/slug";
import { DemandList } from "@/app/_components/demand-list";
import { formatDate } from "@/app/_components/format";
import { MarkdownBody } from "@/app/_components/markdown";
import { SignatureTotal } from "@/app/_components/signature-total";
import { LetterStatusBadge } from "@/app/_components/status-badge";
import { SignerName } from "@/app/_components/signer-name";
import { StatusTimeline } from "@/app/_components/status-timeline";
import { signLetterAction } from "./actions";
import { SignForm } from "./sign-form";

type Props = { params: Promise<{ slug: string }> };

// One query per request even though both the metadata and the page need the letter.
const loadLetter = cache(async (rawSlug: string) => {
  await connection();
  const slug = ZSlug.safeParse(rawSlug);
  return slug.success ? getPublishedLetter(getDb(), slug.data) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const letter = await loadLetter((await params).slug);
  if (!letter) return { title: "Letter not found" };
  return { title: letter.title, description: `An open letter to ${letter.addressee}.` };
}

export default async function LetterPage({ params }: Props) {
  const letter = await loadLetter((await params).slug);
  if (!letter) notFound();

  const allowedDomains = describeAllowedDomains({ openToAnyDomain: letter.openToAnyDomain, rules: letter.domainRules });
  const signers = await listPublicSignatures(getDb(), letter.id);

  return (
    <article className="letter">
      <header className="letter-header">
        <LetterStatusBadge status={letter.status} />
        <h1>{letter.title}</h1>
        <p className="addressee">To {letter.addressee}</p>
        {letter.publishedAt ? (
          <p className="muted">
            Published <time dateTime={letter.publishedAt.toISOString()}>{formatDate(letter.publishedAt)}</time>
          </p>
        ) : null}
      </header>

      <section aria-labelledby="total-heading" className="card">
        <h2 id="total-heading" className="visually-hidden">
          Signatures
        </h2>
        <SignatureTotal total={letter.total} goal={letter.goal} />
        <p className="muted">Open to {allowedDomains}. Each signature is confirmed from a work inbox.</p>
      </section>

      {letter.status === "OPEN" ? (
        <section aria-labelledby="sign-heading" className="card">
          <h2 id="sign-heading">Sign this letter</h2>
          <SignForm
            action={signLetterAction.bind(null, letter.slug)}
            allowedDomains={allowedDomains}
            collectJobTitle={letter.collectJobTitle}
            collectTeam={letter.collectTeam}
            allowComments={letter.allowComments}
            allowPublicNames={letter.allowPublicNames}
          />
        </section>
      ) : (
        <p className="card">This letter is closed and no longer accepts signatures.</p>
      )}

      <section aria-labelledby="letter-heading">
        <h2 id="letter-heading" className="visually-hidden">
          The letter
        </h2>
        <MarkdownBody source={letter.bodyMarkdown} />
      </section>

      <section aria-labelledby="demands-heading">
        <h2 id="demands-heading">Demands</h2>
        <DemandList demands={letter.demands} />
      </section>

      <section aria-labelledby="signers-heading">
        <h2 id="signers-heading">Recent signatures</h2>
        {signers.length === 0 ? (
          <p className="muted">No confirmed signatures yet.</p>
        ) : (
          <ul className="signers">
            {signers.map((signer) => (
              <li key={signer.id}>
                <SignerName name={signer.name} jobTitle={signer.jobTitle} team={signer.team} domain={signer.domain} />{" "}
                <time className="muted" dateTime={signer.confirmedAt.toISOString()}>
                  {formatDate(signer.confirmedAt)}
                </time>
                {signer.comment ? <p className="signer-comment">{signer.comment}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Status</h2>
        <StatusTimeline updates={letter.statusUpdates} />
      </section>
    </article>
  );
}
