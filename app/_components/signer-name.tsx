type Props = { name: string | null; jobTitle?: string | null; team?: string | null; domain: string | null; verification?: "email" | "organiser" };

/**
 * How a signature reads in public: a name with its role, or anonymous, with the verified domain
 * (left out, "Anonymous · verified", while an anonymous signer's domain is too small to name).
 */
export function SignerName({ name, jobTitle, team, domain, verification = "email" }: Props) {
  const role = [jobTitle, team].filter(Boolean).join(", ");
  return (
    <span className="signer">
      <span className="signer-name">{name ?? "Anonymous"}</span>
      {name && role ? <span className="signer-role"> · {role}</span> : null}
      <span className="signer-domain">
        {" "}
        · verified{verification === "organiser" ? " by organisers" : ""}
        {domain ? ` @${domain}` : ""}
      </span>
    </span>
  );
}
