import Link from "next/link";
import { connection } from "next/server";

/**
 * Rendered per request, like every other page, so that its scripts carry the response's nonce.
 * Prerendered at build time it had none, and the page policy refused every one of its scripts
 * (lib/security/script-nonces.ts).
 */
export default async function NotFound() {
  await connection();
  return (
    <>
      <h1>Not found</h1>
      <p>
        There is no published letter at this address. <Link href="/">See the open letters</Link>.
      </p>
    </>
  );
}
