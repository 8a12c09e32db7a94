import type { Metadata } from "next";
import Link from "next/link";
import { describeActivity } from "@/lib/activity/describe-activity";
import { listActivity, ZActivityCursor } from "@/lib/activity/list-activity";
import { getDb } from "@/lib/db/client";
import { requireOrganiserPage } from "@/lib/adapters/organiser-page";
import { formatDateTimeUtc } from "../format-time";
import { LetterNav } from "../letter-nav";
import { TableHead } from "../table-head";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Activity" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string | string[] }> };

/** Who did what to the letter, newest first. "Undersigned" is the platform acting by itself. */
export default async function ActivityPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { letter, role } = await requireOrganiserPage(id, "EDITOR", `/organise/letters/${id}/activity`);
  const before = ZActivityCursor.parse((await searchParams).before);
  const { entries, nextCursor } = await listActivity(getDb(), letter.id, { before });
  const here = `/organise/letters/${letter.id}/activity`;

  return (
    <>
      <LetterNav letter={letter} current="/activity" role={role} />
      <h1>Activity</h1>
      {entries.length === 0 ? (
        <p>Nothing has happened to this letter yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <TableHead columns={["When", "Who", "What"]} />
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at.toISOString()}>{formatDateTimeUtc(entry.at)}</time>
                  </td>
                  <td>{entry.actorEmail ?? "Undersigned"}</td>
                  <td>{describeActivity(entry.action, entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="organiser-toolbar">
        {before ? <Link href={here}>Newest</Link> : null}
        {nextCursor ? <Link href={`${here}?${new URLSearchParams({ before: nextCursor })}`}>Older entries</Link> : null}
      </p>
    </>
  );
}
