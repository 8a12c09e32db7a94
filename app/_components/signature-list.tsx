import type { TPublicSignature } from "@/lib/signatures/list-public-signatures";
import { formatDateTime } from "@/lib/wording/format";
import { SignerName } from "./signer-name";

/** Public signatures as a list: name (or "Anonymous"), role, verified domain, when, and why. */
export function SignatureList({ signatures }: { signatures: TPublicSignature[] }) {
  if (signatures.length === 0) return <p className="muted">No confirmed signatures yet.</p>;
  return (
    <ul className="signers">
      {signatures.map((signer) => (
        <li key={signer.id}>
          <SignerName name={signer.name} jobTitle={signer.jobTitle} team={signer.team} domain={signer.domain} verification={signer.verification} />{" "}
          <time className="muted" dateTime={signer.confirmedAt.toISOString()}>
            {formatDateTime(signer.confirmedAt)}
          </time>
          {signer.comment ? <p className="signer-comment">{signer.comment}</p> : null}
        </li>
      ))}
    </ul>
  );
}
