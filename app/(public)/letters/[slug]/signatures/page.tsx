import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { loadPublishedLetter } from "@/lib/adapters/load-published-letter";
import { decodeCursor, type TCursor } from "@/lib/pagination/cursor";
import { pagePublicSignatures } from "@/lib/signatures/page-public-signatures";
import { countOf, NOUNS } from "@/lib/wording/plural";
import { HeldNamesNotice } from "@/app/_components/held-names-notice";
import { SignatureList } from "@/app/_components/signature-list";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

const PAGE_SIZE = 50;

/** A stale or mangled link starts again from the newest signatures rather than failing. */
function cursorFrom(raw: string | string[] | undefined): TCursor | null {
  try {
    return decodeCursor(Array.isArray(raw) ? raw[0] : raw);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const letter = await loadPublishedLetter((await params).slug);
  return letter
    ? {
        title: `Signatures · ${letter.title}`,
        description: `Verified signatures on the open letter to ${letter.addressee}.`,
        // Unlisted (a quiet launch): open by its link, not to search engines.
        ...(letter.listed ? {} : { robots: { index: false } }),
      }
    : { title: "Letter not found" };
}

/** Every public signature, a page at a time: the letter page's "show more", without JavaScript. */
export default async function SignaturesPage({ params, searchParams }: Props) {
  const letter = await loadPublishedLetter((await params).slug);
  if (!letter) notFound();
  const page = await pagePublicSignatures(getDb(), letter.id, {
    limit: PAGE_SIZE,
    cursor: cursorFrom((await searchParams).cursor),
    minPublicGroup: getEnv().MIN_PUBLIC_GROUP,
  });

  return (
    <>
      <p>
        <Link href={`/letters/${letter.slug}`} prefetch={false}>
          &larr; Back to the letter
        </Link>
      </p>
      <h1>Signatures on &ldquo;{letter.title}&rdquo;</h1>
      <p className="muted">{countOf(letter.total, NOUNS.verifiedSignature)}, newest first. Anonymous signers are shown by their verified domain only.</p>
      {letter.namesHeld ? <HeldNamesNotice /> : null}
      <SignatureList signatures={page.items} />
      {page.nextCursor ? (
        <p>
          <Link href={`/letters/${letter.slug}/signatures?cursor=${page.nextCursor}`} prefetch={false}>
            Show more signatures
          </Link>
        </p>
      ) : (
        <p className="muted">That is everyone.</p>
      )}
    </>
  );
}
