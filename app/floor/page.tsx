import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Floor", robots: { index: false, follow: false } };

/**
 * The framework's floor: the root layout around one heading, nothing read, no component of
 * ours. `npm run bench:pages` measures it beside the letter page, so the letter's cost is read
 * as a ratio to what any page of this build costs on the same machine in the same run. It is
 * rendered per request, like the public pages (a prerendered page would carry no script nonce
 * and its scripts would be refused), and it says nothing a visitor could misread.
 */
export default async function FloorPage() {
  await connection();
  return <h1>Undersigned</h1>;
}
