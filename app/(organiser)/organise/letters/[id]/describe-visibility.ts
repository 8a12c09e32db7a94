import { formatCount, formatDate } from "@/lib/wording/format";
import { countOf, NOUNS } from "@/lib/wording/plural";
import type { LetterStatus } from "@/lib/db/generated/enums";

type TVisibility = { status: LetterStatus; listed: boolean; listAtSignatures: number | null; listedAt: Date | null; total: number };

/**
 * What the organiser is told about who can find their letter (quiet launch), in one sentence:
 * "Unlisted — only people with the link can find it. Goes public at 50 verified signatures (12 now)."
 */
export function describeVisibility(letter: TVisibility): string {
  const published = letter.status === "OPEN" || letter.status === "CLOSED";
  if (letter.listed) {
    if (!published) return "Listed — once published, it is on the home page, in search, the sitemap and the site's feed, and open to search engines.";
    return letter.listedAt
      ? `Public since ${formatDate(letter.listedAt)} — on the home page, in search, the sitemap and the site's feed. Until then it was unlisted.`
      : "Public — on the home page, in search, the sitemap and the site's feed, and open to search engines.";
  }
  const when =
    letter.listAtSignatures === null
      ? "Goes public when an owner makes it public."
      : `Goes public at ${countOf(letter.listAtSignatures, NOUNS.verifiedSignature)}${published ? ` (${formatCount(letter.total)} now)` : ""}.`;
  if (!published) return `Unlisted — once published, only people with the link can find it. ${when}`;
  if (letter.status === "CLOSED") return "Unlisted — only people with the link can find it. It is closed, so only an owner can make it public now.";
  return `Unlisted — only people with the link can find it. ${when}`;
}
