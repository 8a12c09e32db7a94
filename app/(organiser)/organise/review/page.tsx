import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { listReviewQueue } from "@/lib/organisers/list-review-queue";
import { requireAdminPage } from "@/lib/adapters/organiser-page";
import { formatDate } from "@/lib/wording/format";
import { ReviewForm } from "../letters/[id]/review-form";

export const metadata: Metadata = { title: "Review queue", robots: { index: false } };

/** Letters waiting for a platform admin (REQUIRE_APPROVAL), oldest first. */
export default async function ReviewQueuePage() {
  await requireAdminPage("/organise/review");
  const queue = await listReviewQueue(getDb());
  return (
    <>
      <p className="muted">
        <Link href="/organise">Your letters</Link>
      </p>
      <h1>Review queue</h1>
      {queue.length === 0 ? <p>No letter is waiting for review.</p> : null}
      <ul className="letter-list">
        {queue.map((letter) => (
          <li key={letter.id} className="letter-card">
            <h2>
              <Link href={`/organise/letters/${letter.id}`}>{letter.title}</Link>
            </h2>
            <p className="muted">
              To {letter.addressee || "—"} · by {letter.organisers.map((organiser) => organiser.user.email).join(", ") || "unknown"}
              {letter.reviewRequestedAt ? ` · waiting since ${formatDate(letter.reviewRequestedAt)}` : ""}
            </p>
            <ReviewForm letterId={letter.id} />
          </li>
        ))}
      </ul>
    </>
  );
}
