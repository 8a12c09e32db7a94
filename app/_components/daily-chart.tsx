import { formatCount } from "@/lib/wording/format";
import { countOf, NOUNS } from "@/lib/wording/plural";

type Day = { day: string; total: number };

const DAY_MS = 86_400_000;
const WIDTH = 600;
const HEIGHT = 180;
const TOP = 12;
const BOTTOM = 24;
const LEFT = 4;

// A hundredth of a unit of a 600-wide drawing is far below a pixel on any screen; the sixteen
// digits a division leaves were a third of a long letter's chart, sent twice (HTML and payload).
const px = (value: number) => Math.round(value * 100) / 100;

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const label = (iso: string) => dayLabel.format(new Date(`${iso}T00:00:00Z`));

/**
 * The days to draw: every day from the first confirmation (at most `maxDays` back) to today,
 * with the days nobody signed as zeros, and at least a week so one busy day is not a wall.
 */
export function chartDays(daily: Day[], today: Date, maxDays = 60): Day[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const first = daily.length > 0 ? Date.parse(`${daily[0]!.day}T00:00:00Z`) : end;
  const start = Math.min(Math.max(first, end - (maxDays - 1) * DAY_MS), end - 6 * DAY_MS);
  const totals = new Map(daily.map((d) => [d.day, d.total]));
  const days: Day[] = [];
  for (let at = start; at <= end; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    days.push({ day, total: totals.get(day) ?? 0 });
  }
  return days;
}

/**
 * Confirmed signatures per day as a server-rendered SVG: no script, no layout shift, crisp on a
 * phone (it scales with its box), in the page's colours in light and dark themes. The numbers
 * are also in a table for screen readers and anyone who wants them exactly.
 */
export function DailyChart({ daily, today }: { daily: Day[]; today: Date }) {
  const days = chartDays(daily, today);
  const peak = Math.max(1, ...days.map((d) => d.total));
  const slot = (WIDTH - LEFT) / days.length;
  const barWidth = Math.max(1, slot * 0.7);
  const plot = HEIGHT - TOP - BOTTOM;
  const inRange = days.reduce((sum, d) => sum + d.total, 0);
  const busiest = days.reduce((best, d) => (d.total > best.total ? d : best), days[0]!);
  const summary =
    inRange === 0
      ? `No confirmed signatures between ${label(days[0]!.day)} and ${label(days.at(-1)!.day)}.`
      : `${countOf(inRange, NOUNS.signatureConfirmed)} between ${label(days[0]!.day)} and ${label(days.at(-1)!.day)}; the busiest day was ${label(busiest.day)} with ${formatCount(busiest.total)}.`;

  // The table follows the figure rather than sitting in it: a figure's caption must be its
  // first or last child, and the caption belongs right under the chart.
  return (
    <>
      <figure className="daily-chart">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
          <line x1={LEFT} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} className="chart-axis" />
          {days.map((d, i) => {
            const height = (d.total / peak) * plot;
            return d.total > 0 ? (
              <rect
                key={d.day}
                className="chart-bar"
                x={px(LEFT + i * slot + (slot - barWidth) / 2)}
                y={px(HEIGHT - BOTTOM - height)}
                width={px(barWidth)}
                height={px(height)}
                rx={px(Math.min(3, barWidth / 3))}
              />
            ) : null;
          })}
        </svg>
        <div className="chart-labels" aria-hidden="true">
          <span>{label(days[0]!.day)}</span>
          <span>busiest: {formatCount(busiest.total)}</span>
          <span>{label(days.at(-1)!.day)}</span>
        </div>
        <figcaption className="muted">{summary}</figcaption>
      </figure>
      <details className="chart-table">
        <summary>Show the numbers</summary>
        <table>
          <caption className="visually-hidden">Signatures confirmed per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Signatures</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter((d) => d.total > 0)
              .reverse()
              .map((d) => (
                <tr key={d.day}>
                  <td>
                    <time dateTime={d.day}>{label(d.day)}</time>
                  </td>
                  <td>{formatCount(d.total)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
