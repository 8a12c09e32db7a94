/** What a letter still lacks before it can go public, keyed by the editor field to fix. */
export function publishRequirements(
  letter: {
    title: string;
    addressee: string;
    bodyMarkdown: string;
    openToAnyDomain: boolean;
    closesAt: Date | null;
    demands: unknown[];
    domainRules: unknown[];
    organiserVerification?: boolean;
    organiserVerificationInstructions?: string;
  },
  now: Date,
): Record<string, string[]> {
  const missing: Record<string, string[]> = {};
  if (!letter.title.trim()) missing.title = ["Give the letter a title."];
  if (!letter.addressee.trim()) missing.addressee = ["Say who the letter is addressed to."];
  if (!letter.bodyMarkdown.trim()) missing.bodyMarkdown = ["Write the letter."];
  if (letter.demands.length === 0) missing.demands = ["Add at least one demand."];
  if (!letter.openToAnyDomain && letter.domainRules.length === 0) {
    missing.domains = ["Add at least one domain whose addresses may sign, or open it to any verified address."];
  }
  if (letter.organiserVerification && !letter.organiserVerificationInstructions?.trim()) {
    missing.organiserVerificationInstructions = ["Tell signers verified by organisers how to show you their code (a Signal number, a meeting)."];
  }
  if (letter.closesAt && letter.closesAt <= now) missing.closesAt = ["The closing date has passed: move it or clear it."];
  return missing;
}
