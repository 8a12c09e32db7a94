import type { TDb } from "@/lib/db/prisma";
import type { TokenPurpose } from "@/lib/db/generated/enums";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";
import { readStoredProposal } from "./signature-proposal";

type TLetterRef = { slug: string; title: string };

/** How a signature would appear publicly: a null name means "Anonymous · verified @domain". */
export type TAppearance = { name: string | null; jobTitle: string | null; team: string | null; domain: string };

export type TTokenLinkView =
  | { kind: "invalid" }
  | { kind: "expired" | "used"; letter: TLetterRef }
  /** `namedAt`: the signer chose to be named once this many people at their domain have signed, as `name`. */
  | { kind: "ready"; letter: TLetterRef; appearsAs?: TAppearance; namedAt?: { threshold: number; name: string } };

/**
 * What the page behind a confirm or withdraw link shows, without using the token up: opening
 * the link (as mail scanners do) changes nothing. Nothing here depends on the signature's state,
 * so a link shows the same page whether or not its address had signed: a confirm link shows
 * what its own submission asked to publish; a withdraw link shows nothing about the signature
 * (its address may be someone's confirmed signature, and its email anyone's submission).
 */
export async function describeTokenLink(db: TDb, rawToken: string, purpose: TokenPurpose, now: Date): Promise<TTokenLinkView> {
  const token = await findSignatureToken(db, rawToken, purpose);
  if (!token) return { kind: "invalid" };
  const { signature } = token;
  const letter = { slug: signature.letter.slug, title: signature.letter.title };
  const kind = assessSignatureToken(token, now);
  if (kind !== "ready") return { kind, letter };
  if (purpose === "WITHDRAW") return { kind: "ready", letter };
  // A confirm token issued before proposals existed was only ever issued to a pending signature,
  // whose stored details were then its submission's.
  const proposal = readStoredProposal(token.proposal) ?? signature;
  return {
    kind: "ready",
    letter,
    appearsAs: {
      name: proposal.showName ? proposal.displayName : null,
      jobTitle: proposal.showName ? proposal.jobTitle : null,
      team: proposal.showName ? proposal.team : null,
      domain: signature.domain,
    },
    ...("showNameAt" in proposal && proposal.showNameAt ? { namedAt: { threshold: proposal.showNameAt, name: proposal.displayName } } : {}),
  };
}
