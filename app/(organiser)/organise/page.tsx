import type { Metadata } from "next";
import Link from "next/link";
import { formatCount } from "@/lib/wording/format";
import { LetterStatusBadge } from "@/app/_components/status-badge";
import { getDb } from "@/lib/db/client";
import { LETTER_LIMITS } from "@/lib/letters/letter-limits";
import { detectSignatureBursts, type TSignatureBurst } from "@/lib/moderation/detect-signature-bursts";
import { listMyLetters } from "@/lib/organisers/list-my-letters";
import { requireSignedInPage } from "@/lib/adapters/organiser-page";
import { SignOutForm } from "@/app/(auth)/sign-out/sign-out-form";
import { ActionForm } from "../_components/action-form";
import { createLetterAction } from "./actions";
import { describeBurst } from "./letters/[id]/signatures/burst-alerts";

export const metadata: Metadata = { title: "Your letters", robots: { index: false } };

export default async function OrganiserDashboard() {
  const actor = await requireSignedInPage("/organise");
  const letters = await listMyLetters(getDb(), actor);
  // Only open letters take signatures; bursts come biggest first, so a letter's first is its worst.
  const bursts = await detectSignatureBursts(
    getDb(),
    letters.filter((letter) => letter.status === "OPEN").map((letter) => letter.id),
    new Date(),
  );
  const worstBurst = new Map<string, TSignatureBurst>();
  for (const burst of bursts) if (!worstBurst.has(burst.letterId)) worstBurst.set(burst.letterId, burst);
  return (
    <>
      <div className="organiser-toolbar">
        <p className="muted">
          Signed in as {actor.email}
          {actor.isAdmin ? (
            <>
              {" "}
              · platform admin · <Link href="/organise/review">review queue</Link>
            </>
          ) : null}
        </p>
        <SignOutForm />
      </div>
      <h1>Your letters</h1>
      {letters.length === 0 ? (
        <p>You do not organise any letter yet. Start one below, or ask a letter&apos;s owner to invite you.</p>
      ) : (
        <ul className="letter-list">
          {letters.map((letter) => (
            <li key={letter.id} className="letter-card">
              <h2>
                <Link href={`/organise/letters/${letter.id}`}>{letter.title}</Link>
              </h2>
              <p className="muted">
                <LetterStatusBadge status={letter.status} />
                {letter.listed ? "" : " · unlisted"} · {letter.role.toLowerCase()} · {formatCount(letter.total)} verified
                {letter.goal ? ` of ${formatCount(letter.goal)}` : ""}
              </p>
              {letter.status === "DRAFT" && letter.reviewNote ? <p className="form-error">Sent back by review: {letter.reviewNote}</p> : null}
              <BurstNote letterId={letter.id} burst={worstBurst.get(letter.id)} />
            </li>
          ))}
        </ul>
      )}
      <h2>Start a letter</h2>
      <ActionForm action={createLetterAction} submitLabel="Create draft" workingLabel="Creating…" labels={{ title: "Title" }} className="card">
        <div className="field">
          <label htmlFor="new-letter-title">Title</label>
          <input id="new-letter-title" name="title" type="text" required maxLength={LETTER_LIMITS.title} />
          <p className="hint">You can change everything until you publish. Nothing is public before then.</p>
        </div>
      </ActionForm>
    </>
  );
}

/** A letter's worst trending alert, so organisers notice it without opening the moderation page. */
function BurstNote({ letterId, burst }: { letterId: string; burst: TSignatureBurst | undefined }) {
  if (!burst) return null;
  return (
    <p className="burst-note">
      Unusual activity: {describeBurst(burst)}. <Link href={`/organise/letters/${letterId}/signatures`}>Review signatures</Link>
    </p>
  );
}
