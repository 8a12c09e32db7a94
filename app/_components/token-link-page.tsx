import Link from "next/link";
import type { TTokenActionState } from "./token-action-state";
import { TokenActionForm } from "./token-action-form";
import { formatCount } from "@/lib/wording/format";
import { SignerName } from "./signer-name";
import type { TTokenLinkView } from "@/lib/signatures/describe-token-link";

type Props = {
  view: TTokenLinkView;
  token: string;
  action: (state: TTokenActionState, formData: FormData) => Promise<TTokenActionState>;
  text: { heading: string; intro: string; button: string; used: string; expired: string };
};

/**
 * The page behind an emailed link: it explains, and a button acts. Shared by confirm and withdraw.
 * What it shows before the button is pressed depends on the link alone, never on whether the
 * address had signed (see describeTokenLink).
 */
export function TokenLinkPage({ view, token, action, text }: Props) {
  if (view.kind === "invalid") {
    return (
      <>
        <h1>This link is not valid</h1>
        <p>Check that you opened the whole link from your email: some mail programs break long links across lines.</p>
        <p>
          <Link href="/">See the open letters</Link>
        </p>
      </>
    );
  }
  const backToLetter = (
    <p>
      <Link href={`/letters/${view.letter.slug}`}>Go to &ldquo;{view.letter.title}&rdquo;</Link>
    </p>
  );
  switch (view.kind) {
    case "used":
      return (
        <>
          <h1>This link has already been used</h1>
          <p>{text.used}</p>
          {backToLetter}
        </>
      );
    case "expired":
      return (
        <>
          <h1>This link has expired</h1>
          <p>{text.expired}</p>
          {backToLetter}
        </>
      );
    case "ready":
      return (
        <TokenActionForm action={action} token={token} label={text.button}>
          <h1>{text.heading}</h1>
          <p>
            {text.intro} <strong>{view.letter.title}</strong>
          </p>
          {view.appearsAs ? (
            <p>
              Your signature appears as: <SignerName {...view.appearsAs} />
              {view.namedAt
                ? `, and as ${view.namedAt.name} once ${formatCount(view.namedAt.threshold)} people at ${view.appearsAs.domain} have signed (then for good).`
                : null}
            </p>
          ) : null}
        </TokenActionForm>
      );
    default: {
      const unreachable: never = view;
      throw new Error(`Unhandled link view ${JSON.stringify(unreachable)}`);
    }
  }
}
