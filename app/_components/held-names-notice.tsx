/** Said wherever signers are listed while the letter holds names until delivery (lib/privacy/held-names.ts). */
export function HeldNamesNotice() {
  return (
    <p className="notice" data-testid="held-names">
      Names will be published when the letter is delivered. Until then every signature is shown as anonymous, with its verified domain.
    </p>
  );
}
