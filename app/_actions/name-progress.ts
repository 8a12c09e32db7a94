import { formatCount } from "@/lib/wording/format";

/** "37 of 50 at microsoft.com: your name will appear when 13 more colleagues there have signed." */
export function describeNameProgress({ domain, threshold }: { domain: string; threshold: number }, total: number): string {
  const remaining = threshold - total;
  if (remaining <= 0) {
    return `${formatCount(threshold)} people at ${domain} have signed: your name will appear on the letter within a few seconds, and stays even if some of them withdraw.`;
  }
  const colleagues = remaining === 1 ? "1 more colleague" : `${formatCount(remaining)} more colleagues`;
  return `${formatCount(total)} of ${formatCount(threshold)} at ${domain}: your name will appear when ${colleagues} at ${domain} have signed. Until then your signature counts and shows as anonymous.`;
}
