import Link from "next/link";
import type { TLetterRole } from "@/lib/auth/roles";

const SECTIONS = [
  { path: "", label: "Letter" },
  { path: "/status", label: "Status" },
  { path: "/signatures", label: "Signatures" },
  { path: "/verify", label: "Verify a code" },
  { path: "/delivery", label: "Delivery" },
  { path: "/team", label: "Team" },
  { path: "/activity", label: "Activity" },
] as const;

export type TLetterSection = (typeof SECTIONS)[number]["path"];

/** The tabs of a letter's organiser pages; `current` marks the one shown. */
export function LetterNav({
  letter,
  current,
  role,
}: {
  letter: { id: string; title: string; slug: string; status: string };
  current: TLetterSection;
  role: TLetterRole;
}) {
  return (
    <>
      <p className="muted">
        <Link href="/organise">Your letters</Link> · {role === "ADMIN" ? "platform admin" : role.toLowerCase()}
        {letter.status === "OPEN" || letter.status === "CLOSED" ? (
          <>
            {" "}
            · <Link href={`/letters/${letter.slug}`}>public page</Link>
          </>
        ) : null}
      </p>
      <nav aria-label="Letter sections" className="organiser-nav">
        {SECTIONS.map((section) => (
          <Link key={section.path} href={`/organise/letters/${letter.id}${section.path}`} aria-current={section.path === current ? "page" : undefined}>
            {section.label}
          </Link>
        ))}
      </nav>
    </>
  );
}
