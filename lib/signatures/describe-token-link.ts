import type { Db } from "@/lib/db/prisma";
import type { TokenPurpose } from "@/lib/db/generated/enums";
import { assessSignatureToken, findSignatureToken } from "./find-signature-token";

type TLetterRef = { slug: string; title: string };

export type TTokenLinkView =
  | { kind: "invalid" }
  | { kind: "expired" | "used" | "done"; letter: TLetterRef }
  | {
      kind: "ready";
      letter: TLetterRef;
      /** How the signature will appear publicly: a null name means "Anonymous · verified @domain". */
      appearsAs: { name: string | null; jobTitle: string | null; team: string | null; domain: string };
    };

/**
 * What the page behind a confirm or withdraw link shows, without using the token up: opening
 * the link (as mail scanners do) changes nothing.
 */
export async function describeTokenLink(db: Db, rawToken: string, purpose: TokenPurpose, now: Date): Promise<TTokenLinkView> {
  const token = await findSignatureToken(db, rawToken, purpose);
  if (!token) return { kind: "invalid" };
  const { signature } = token;
  const letter = { slug: signature.letter.slug, title: signature.letter.title };
  const kind = assessSignatureToken(token, now);
  if (kind !== "ready") return { kind, letter };
  return {
    kind: "ready",
    letter,
    appearsAs: {
      name: signature.showName ? signature.displayName : null,
      jobTitle: signature.showName ? signature.jobTitle : null,
      team: signature.showName ? signature.team : null,
      domain: signature.domain,
    },
  };
}
