import Link from "next/link";

/**
 * A slug with no published letter. The letter page is cached and revalidated, so this must stay
 * static: the site-wide not-found (app/not-found.tsx) renders per request, which a cached page
 * may not. Rendered within the letter page's own response, its scripts carry that nonce.
 */
export default function LetterNotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no published letter at this address. <Link href="/">See the open letters</Link>.
      </p>
    </>
  );
}
