import { formatDate } from "@/lib/wording/format";

/** The date an addressee promised to answer by, under the update that reported the promise. */
export function RespondBy({ date }: { date: Date }) {
  return (
    <p className="timeline-respond-by">
      Answer promised by <time dateTime={date.toISOString().slice(0, 10)}>{formatDate(date)}</time>
    </p>
  );
}
