/**
 * How to hear about a letter without leaving an address anywhere: its Atom feed and its calendar
 * are pulled by the reader's own apps, so nobody (us included) learns who follows it.
 */
export function FollowUpdates({ slug }: { slug: string }) {
  return (
    <div className="follow-updates">
      <p>
        <a href={`/letters/${slug}/feed.xml`} type="application/atom+xml">
          Follow updates
        </a>{" "}
        ·{" "}
        <a href={`/letters/${slug}/calendar.ics`} type="text/calendar">
          Add its dates to your calendar
        </a>
      </p>
      <p className="muted">
        Paste the “Follow updates” link into a feed reader (an app that checks sites for news), or the calendar link into your calendar&apos;s “subscribe”
        option, to learn when this letter is delivered and answered without giving anyone your email address.
      </p>
    </div>
  );
}
