import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadPublishedLetter } from "@/lib/adapters/load-published-letter";
import { normaliseDomain } from "@/lib/letters/domain-policy";
import { claimOrganiserVerificationAction } from "./actions";
import { ClaimForm } from "./claim-form";

type Props = { params: Promise<{ slug: string }> };

export const revalidate = 5;

export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const letter = await loadPublishedLetter((await params).slug);
  return { title: letter ? `Sign without a work email — ${letter.title}` : "Letter not found", robots: { index: false } };
}

/**
 * Signing for someone who will not receive mail at work (issue 14 §3): a claimed domain and a
 * code for the organisers, on letters that offer it. The page says plainly what this trades.
 */
export default async function SignWithOrganisersPage({ params }: Props) {
  const letter = await loadPublishedLetter((await params).slug);
  if (!letter || !letter.organiserVerification) notFound();
  const domains = letter.openToAnyDomain
    ? null
    : [...new Set(letter.domainRules.map((rule) => normaliseDomain(rule.domain)).filter((domain) => domain !== null))];

  return (
    <article className="letter">
      <p className="muted">
        <Link href={`/letters/${letter.slug}`}>← {letter.title}</Link>
      </p>
      <h1>Sign without an email at work</h1>
      <section aria-labelledby="trade-heading" className="card">
        <h2 id="trade-heading">What this way of signing trades</h2>
        <ul>
          <li>
            <strong>The organisers will learn who you are.</strong> You show them your code with proof that you work there (they say how below). Even if you
            sign anonymously, they see your name; the public will not.
          </li>
          <li>
            <strong>We keep nothing but your claim and the code&rsquo;s fingerprint:</strong> your name, how it should appear, the domain you claim. No email
            address is asked for, and no email is sent, so nothing reaches your work inbox.
          </li>
          <li>
            How to show the organisers your code, in their words: <span className="organiser-instructions">{letter.organiserVerificationInstructions}</span>
          </li>
          <li>Your signature counts once an organiser verifies the code, and shows as &ldquo;verified by organisers&rdquo; rather than by work email.</li>
        </ul>
      </section>
      {letter.status === "OPEN" ? (
        <section aria-labelledby="claim-heading" className="card">
          <h2 id="claim-heading">Your claim</h2>
          <ClaimForm
            action={claimOrganiserVerificationAction.bind(null, letter.slug)}
            domains={domains}
            collectJobTitle={letter.collectJobTitle}
            collectTeam={letter.collectTeam}
            teams={letter.teams}
            thresholds={letter.waitingNames.map(({ threshold }) => threshold)}
            allowComments={letter.allowComments}
            allowPublicNames={letter.allowPublicNames}
            namesHeld={letter.namesHeld}
          />
        </section>
      ) : (
        <p className="card">This letter is closed and no longer accepts signatures.</p>
      )}
    </article>
  );
}
